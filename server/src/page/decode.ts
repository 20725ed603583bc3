import { localized, type Localized } from "../core";

/**
 * A dropped text draft's bytes as text, read as the CLI reads a file
 * (node/files.ts): UTF-8 with or without its mark, UTF-16 with its mark, else
 * GB18030/GBK — and never silently with replacement characters.
 */

export class UnreadableFile extends Error {
  constructor(readonly problem: Localized) {
    super(problem.zh);
  }
}

/** The largest file the page reads, as the CLI (a draft is a few hundred kilobytes). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const strict = (label: string, bytes: Uint8Array) => new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);

export function decodeDraft(bytes: Uint8Array): string {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return orFail(() => strict("utf-8", bytes.subarray(3)), localized("有 UTF-8 标记，但内容不是有效的 UTF-8", "starts with a UTF-8 mark but is not valid UTF-8"));
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) {
    if (bytes.length % 2) throw new UnreadableFile(localized("UTF-16 文件的字节数为奇数", "a UTF-16 file with an odd number of bytes"));
    return orFail(() => strict(a === 0xff ? "utf-16le" : "utf-16be", bytes.subarray(2)), localized("不是有效的 UTF-16 文本", "not valid UTF-16 text"));
  }
  if (bytes.subarray(0, 8192).includes(0)) throw new UnreadableFile(localized("二进制文件，不是文本草稿", "a binary file, not a text draft"));
  try {
    return strict("utf-8", bytes);
  } catch {
    return orFail(() => strict("gb18030", bytes), localized("不是 UTF-8 编码，也无法按 GBK 读取", "not UTF-8 and not readable as GBK"));
  }
}

function orFail(read: () => string, problem: Localized): string {
  try {
    return read();
  } catch {
    throw new UnreadableFile(problem);
  }
}
