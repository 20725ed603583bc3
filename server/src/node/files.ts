import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
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

const MAX_BYTES = 64 * 1024 * 1024;

export function decode(buf: Buffer): DecodedFile {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString("utf8"), encoding: "utf8bom" };
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

function readRegularFile(path: string): Buffer {
  const st = statSync(path);
  if (!st.isFile()) throw new FileProblem("不是普通文件 / not a regular file");
  if (st.size > MAX_BYTES) throw new FileProblem(`文件过大（${Math.round(st.size / 1048576)} MB） / file too large`);
  return readFileSync(path);
}

export function readDraft(path: string): DecodedFile {
  return decode(readRegularFile(path));
}

export const isWordFile = (path: string) => /\.docx$/i.test(path);

/** A .docx report converted to a text draft that knows the Word location of each of its positions. */
export async function readWordDraft(path: string): Promise<WordDraft> {
  const { DocxError, importDocx } = await loadDocx();
  try {
    return await importDocx(readRegularFile(path));
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
 * Drafts and Word reports below a folder, in a stable order; unreadable
 * folders and loops are reported, not fatal. A .docx beside a draft of the
 * same name is that draft's export (`gov-report export` writes it there): the
 * draft stands for both, so the report is not counted twice nor left without
 * last year's report for being claimed by two files.
 */
export function walk(dir: string, onProblem: (path: string, message: string) => void): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (d: string) => {
    let real: string;
    try {
      real = realpathSync(d);
    } catch (e) {
      onProblem(d, `无法访问 / cannot access: ${(e as Error).message}`);
      return;
    }
    if (seen.has(real)) {
      onProblem(d, "符号链接循环，已跳过 / symlink loop, skipped");
      return;
    }
    seen.add(real);
    let names: string[];
    try {
      names = readdirSync(d).sort();
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
