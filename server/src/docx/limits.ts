import { localized } from "../core";
import { DocxError } from "./errors";

/**
 * What a .docx may hold before it is refused as too large to be a report.
 * A few hundred bytes of zip can inflate to gigabytes and a few kilobytes of
 * XML can name a table of billions of cells, so every amount that grows the
 * work is bounded before (or while) the work is done. The limits stand far
 * above any annual report: a long report with all its tables is some
 * hundreds of kilobytes of XML, tens of thousands of elements, a few
 * thousand cells, nested a few dozen deep.
 */

/** Entries in the zip archive (a report has a few dozen parts; images add one each). */
export const MAX_ENTRIES = 10_000;
/** Bytes an XML part may inflate to. */
export const MAX_PART_BYTES = 32 * 1024 * 1024;
/** Parts smaller than this are never refused for their compression ratio. */
const RATIO_FLOOR_BYTES = 4 * 1024 * 1024;
/** Inflated bytes per byte of the whole archive: ordinary XML compresses 5–30 times, a bomb a thousand. */
export const MAX_RATIO = 100;
/** Start tags, end tags and attributes of a part: each becomes a DOM node of some hundreds of bytes. */
export const MAX_MARKUP = 500_000;
/** Elements open inside each other. */
export const MAX_DEPTH = 256;
/** Paragraphs of the body, empty ones included. */
export const MAX_PARAGRAPHS = 100_000;
/** Grid columns of a table row (Word itself stops at 63). */
export const MAX_COLUMNS = 256;
/** Cells of all tables together, on their full grids. */
export const MAX_CELLS = 500_000;

const tooLarge = (zh: string, en: string) => new DocxError(localized(`Word 文档过大或结构异常，不予读取：${zh}`, `Word document too large or malformed, not read: ${en}`));

/** The entry count in the archive's end record, checked before the archive is opened (every entry becomes an object). */
export function checkEntryCount(data: Uint8Array): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // The end record is the last 22 bytes, or fewer than 64 KB earlier when the archive has a comment.
  const stop = Math.max(0, data.length - 22 - 0xffff);
  for (let at = data.length - 22; at >= stop; at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const entries = view.getUint16(at + 10, true);
    // 0xFFFF defers to a ZIP64 record: more entries than any report has.
    if (entries > MAX_ENTRIES) throw tooLarge(`压缩包有 ${entries === 0xffff ? "65535 个以上" : entries} 个条目`, `the archive has ${entries === 0xffff ? "65,535 or more" : entries} entries`);
    return;
  }
}

/** The most a part may inflate to, given the whole archive's size. */
export function partLimit(archiveBytes: number): number {
  return Math.min(MAX_PART_BYTES, Math.max(RATIO_FLOOR_BYTES, archiveBytes * MAX_RATIO));
}

export function partTooLarge(path: string, limit: number): DocxError {
  const mb = Math.round(limit / 1048576);
  return tooLarge(`${path} 解压后超过 ${mb} MB（可能是压缩炸弹）`, `${path} inflates to more than ${mb} MB (possibly a zip bomb)`);
}

/** Where markup that holds no elements ends: comments, CDATA, processing instructions, declarations. */
function endOfSpecial(xml: string, at: number): number {
  const end = xml.startsWith("<!--", at) ? "-->" : xml.startsWith("<![CDATA[", at) ? "]]>" : xml.startsWith("<?", at) ? "?>" : ">";
  const found = xml.indexOf(end, at + 2);
  return found < 0 ? xml.length : found + end.length - 1;
}

/**
 * Counts the markup of an XML part and its nesting before it is parsed: the
 * DOM of a part over the limits would not fit in memory, and walks over a
 * DOM nested deeper than MAX_DEPTH could exhaust the stack. Quoted attribute
 * values are skipped inside start tags (they may hold `>` or `/`).
 */
export function checkMarkup(xml: string, path: string): void {
  let markup = 0;
  let depth = 0;
  for (let i = xml.indexOf("<"); i >= 0 && i < xml.length; i = xml.indexOf("<", i + 1)) {
    if (++markup > MAX_MARKUP) throw tooMuchMarkup(path);
    const next = xml.charCodeAt(i + 1);
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      i = endOfSpecial(xml, i);
      continue;
    }
    if (next === 0x2f /* / */) {
      depth--;
      i = xml.indexOf(">", i);
      if (i < 0) return;
      continue;
    }
    if (++depth > MAX_DEPTH) throw tooLarge(`${path} 嵌套超过 ${MAX_DEPTH} 层`, `${path} is nested more than ${MAX_DEPTH} levels deep`);
    let quote = 0;
    for (i++; i < xml.length; i++) {
      const c = xml.charCodeAt(i);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3d /* = */) markup++;
      else if (c === 0x3e /* > */) {
        if (xml.charCodeAt(i - 1) === 0x2f) depth--;
        break;
      }
    }
    if (markup > MAX_MARKUP) throw tooMuchMarkup(path);
  }
}

const tooMuchMarkup = (path: string) => tooLarge(`${path} 有超过 ${MAX_MARKUP} 个标记`, `${path} has more than ${MAX_MARKUP} tags and attributes`);

/** A running count of paragraphs or cells, refused past its limit. */
export class Budget {
  private used = 0;
  constructor(
    private readonly limit: number,
    private readonly what: { zh: string; en: string },
  ) {}

  take(n: number): void {
    this.used += n;
    if (this.used > this.limit) throw tooLarge(`${this.what.zh}超过 ${this.limit} 个`, `more than ${this.limit} ${this.what.en}`);
  }
}

/** A table row's grid width, refused past MAX_COLUMNS before any cell of it is made. */
export function checkColumns(columns: number): void {
  if (columns > MAX_COLUMNS) throw tooLarge(`表格一行有 ${columns} 列，超过 ${MAX_COLUMNS} 列`, `a table row spans ${columns} grid columns, more than ${MAX_COLUMNS}`);
}
