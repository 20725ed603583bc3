import { closeSync, constants, fstatSync, type BigIntStats, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import { join } from "node:path";
import type { WordDraft } from "../docx";
import { loadDocx } from "../docx/lazy";

/**
 * Reading drafts from disk: encodings (UTF-8 with or without BOM, UTF-16,
 * GB18030/GBK), binary files, and walking folders without following loops.
 */

export type Encoding = "utf8" | "utf8bom" | "utf16le" | "utf16be" | "gb18030";

export interface DecodedFile {
  text: string;
  encoding: Encoding;
}

export class FileProblem extends Error {}

/** The largest draft, Word report or last year's report read (a .docx's parts have limits of their own, docx/limits.ts). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

const NOT_UTF8_AFTER_BOM = "有 UTF-8 标记（BOM），但内容不是有效的 UTF-8 / starts with a UTF-8 byte order mark but is not valid UTF-8";
const ODD_UTF16 = "UTF-16 文件的字节数为奇数，末尾多出一个字节 / a UTF-16 file with an odd number of bytes: one byte left over at the end";

export function decode(buf: Buffer): DecodedFile {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    // Text after the mark is validated as any UTF-8 is: a GBK draft saved with a stray BOM must not become U+FFFD and be written back so.
    const body = buf.subarray(3);
    if (!isUtf8(body)) throw new FileProblem(NOT_UTF8_AFTER_BOM);
    return { text: body.toString("utf8"), encoding: "utf8bom" };
  }
  const utf16 = (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
  // A trailing odd byte would be dropped by the decoder, and by the next write.
  if (utf16 && buf.length % 2 === 1) throw new FileProblem(ODD_UTF16);
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: buf.subarray(2).toString("utf16le"), encoding: "utf16le" };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(buf.subarray(2)), encoding: "utf16be" };
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) throw new FileProblem("二进制文件，不是文本草稿 / binary file, not a text draft");
  // isUtf8 validates without a decoder: building a fatal TextDecoder for every file was a tenth of reading a folder.
  if (isUtf8(buf)) return { text: buf.toString("utf8"), encoding: "utf8" };
  try {
    return { text: new TextDecoder("gb18030", { fatal: true }).decode(buf), encoding: "gb18030" };
  } catch {
    throw new FileProblem("不是 UTF-8 编码，也无法按 GBK 读取 / not UTF-8 and not readable as GBK");
  }
}

export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case "utf8":
      return Buffer.from(text, "utf8");
    case "utf8bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "utf16le":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    default:
      throw new FileProblem(`不能以 ${encoding} 编码写回，请先转换为 UTF-8 / cannot write ${encoding}; convert the file to UTF-8 first`);
  }
}

/** What a file was when it was read: compared again before it is replaced, so that a change made meanwhile is not lost. */
export type FileStamp = string;

export function stampOf(st: { dev: bigint; ino: bigint; size: bigint; mtimeNs: bigint }): FileStamp {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}`;
}

const tooLarge = (bytes: number, limit: number) =>
  new FileProblem(`文件过大（超过 ${Math.round(limit / 1048576)} MB：${Math.ceil(bytes / 1048576)} MB 或更多） / file too large (over ${Math.round(limit / 1048576)} MB)`);

/**
 * A regular file's bytes, at most `limit` of them. Opened without blocking
 * and checked on the opened descriptor: a FIFO (which would wait for a writer
 * forever) and a device such as /dev/zero (endless) are refused before any
 * read, and a file that grows while it is read stops at the limit.
 */
export function readRegularFile(path: string, limit = MAX_FILE_BYTES): { data: Buffer } {
  return readRegular(path, limit, false);
}

// The stamp needs the nanosecond stat (BigInts): most reads, by check, write nothing back and skip it.
function readRegular(path: string, limit: number, stamped: boolean): { data: Buffer; stamp?: FileStamp } {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = stamped ? fstatSync(fd, { bigint: true }) : fstatSync(fd);
    if (!st.isFile()) throw new FileProblem("不是普通文件 / not a regular file");
    const size = Number(st.size);
    if (size > limit) throw tooLarge(size, limit);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // The size stat gave and one byte more, to see the end of the file (or that it grew).
      const expected = Math.max(size - total, 0) + 1;
      const chunk = Buffer.allocUnsafe(Math.min(expected, limit + 1 - total, 1 << 24));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) throw tooLarge(total, limit);
    }
    const data = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
    return { data, stamp: stamped ? stampOf(st as BigIntStats) : undefined };
  } finally {
    closeSync(fd);
  }
}

export function readDraft(path: string): DecodedFile {
  return decode(readRegularFile(path).data);
}

/** A draft with its stamp, for `fix`: a change made to the file while the fixes are computed is not overwritten. */
export function readStampedDraft(path: string): DecodedFile & { stamp: FileStamp } {
  const { data, stamp } = readRegular(path, MAX_FILE_BYTES, true);
  return { ...decode(data), stamp: stamp! };
}

export const isWordFile = (path: string) => /\.docx$/i.test(path);

const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/g;
const ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** A path as printed on one line of output: control characters (a newline in a name would forge a line) as escapes. */
export function shownPath(path: string): string {
  return path.replace(CONTROL, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A path as a URI reference (SARIF's artifact location): forward slashes, each segment percent-encoded. */
export function uriReference(path: string): string {
  return path.replace(/\\/g, "/").split("/").map(encodeURIComponent).join("/");
}

/** A .docx report converted to a text draft that knows the Word location of each of its positions. */
export async function readWordDraft(path: string): Promise<WordDraft> {
  const { DocxError, importDocx } = await loadDocx();
  try {
    return await importDocx(readRegularFile(path).data);
  } catch (e) {
    throw e instanceof DocxError ? new FileProblem(e.message) : e;
  }
}

/** A text draft, or a Word report as converted with the Word location of each position. */
export type ReportDraft = Pick<WordDraft, "text"> & Partial<Pick<WordDraft, "locate">>;

export async function readReport(path: string): Promise<ReportDraft> {
  return isWordFile(path) ? readWordDraft(path) : { text: readDraft(path).text };
}

/** The text of a draft, or of a Word report as converted (last year's report may be either). */
export async function readReportText(path: string): Promise<string> {
  return (await readReport(path)).text;
}

const stem = (name: string) => name.slice(0, name.lastIndexOf("."));

const DRAFT = /\.(txt|md|markdown|docx)$/i;
/** Word's lock file of a document it has open (~$报告.docx): not a document. */
const WORD_LOCK = /^~\$/;
const SKIP_DIRS = new Set(["node_modules", ".git", ".svn", ".hg"]);

/**
 * The names of a folder's entries; a draft whose name is not UTF-8 is
 * reported (as a string its bytes would be lost, and the file not found).
 */
function utf8Names(dir: string, names: Buffer[], onProblem: (path: string, message: string) => void): string[] {
  const valid = names.filter((name) => isUtf8(name));
  for (const name of names)
    if (!isUtf8(name) && DRAFT.test(name.toString("latin1")))
      onProblem(join(dir, name.toString("utf8")), "文件名不是有效的 UTF-8 编码，无法读取，请重命名 / the file name is not valid UTF-8 and cannot be read; rename it");
  return valid.map((name) => name.toString("utf8"));
}

/**
 * Drafts and Word reports below a folder, in a stable order; unreadable
 * folders and loops are reported, not fatal. A .docx beside a draft of the
 * same name is that draft's export (`gov-report export` writes it there): the
 * draft stands for both, so the report is not counted twice nor left without
 * last year's report for being claimed by two files.
 */
export function walk(dir: string, onProblem: (path: string, message: string) => void): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  /** Real paths of the folders being visited: a link back to one of them is a loop. */
  const open = new Set<string>();
  const visit = (d: string) => {
    let real: string;
    try {
      real = realpathSync(d);
    } catch (e) {
      onProblem(d, `无法访问 / cannot access: ${(e as Error).message}`);
      return;
    }
    if (open.has(real)) {
      onProblem(d, "符号链接循环，已跳过 / symlink loop, skipped");
      return;
    }
    // Another name of a folder already read (latest -> 2023): its files are listed once, under their first name.
    if (seen.has(real)) return;
    seen.add(real);
    open.add(real);
    visitFolder(d);
    open.delete(real);
  };
  const visitFolder = (d: string) => {
    let names: string[];
    try {
      names = utf8Names(d, readdirSync(d, { encoding: "buffer" }), onProblem).sort();
    } catch (e) {
      onProblem(d, `无法读取文件夹 / cannot read folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      return;
    }
    const drafts = new Set(names.filter((n) => DRAFT.test(n) && !isWordFile(n)).map(stem));
    for (const name of names) {
      if (SKIP_DIRS.has(name) || (isWordFile(name) && drafts.has(stem(name)))) continue;
      const p = join(d, name);
      let st;
      try {
        st = lstatSync(p);
        if (st.isSymbolicLink()) st = statSync(p);
      } catch (e) {
        onProblem(p, `无法访问 / cannot access: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
        continue;
      }
      if (st.isDirectory()) visit(p);
      else if (st.isFile() && DRAFT.test(name) && !WORD_LOCK.test(name)) out.push(p);
    }
  };
  visit(dir);
  return out;
}
