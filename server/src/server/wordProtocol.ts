import type { Range, Severity } from "../core/types";

/**
 * Requests of the Word commands, shared by the server and the client. The
 * server reads and writes the .docx (server/src/docx) and checks it with the
 * core; the client only picks files, shows messages and writes what the
 * server returns (through vscode.workspace.fs, so virtual workspaces work).
 * Only names and types: the client bundle takes nothing else.
 *
 * A .docx travels as base64 (`data`); a `file:` URI may be given instead, and
 * the server reads it. A file that is not a Word document is refused with a
 * ResponseError whose message is in the session's locale.
 */

export interface WordSource {
  /** The .docx itself, base64. */
  data?: string;
  /** Where it is; read by the server when `data` is absent (file: only), and names the .govreportrc.json that applies. */
  uri?: string;
}

/** 从 Word 导入: the .docx as a text draft. */
export const IMPORT_WORD_REQUEST = "govReport/importWord";

export type ImportWordParams = WordSource;

export interface ImportWordResult {
  text: string;
}

/** The read-only checked view of a .docx: its text and the findings, each naming its place in Word. */
export const CHECK_WORD_REQUEST = "govReport/checkWord";

export type CheckWordParams = WordSource;

export interface WordFinding {
  rule: string;
  severity: Severity;
  /** Localized, starting with the Word location when there is one (第 2 个表格第 3 行第 4 列：…). */
  message: string;
  /** The paragraph or table cell in Word (localized), when known. */
  location?: string;
  /** In the converted text. */
  range: Range;
}

export interface CheckWordResult {
  text: string;
  findings: WordFinding[];
}

/** 导出为 Word: a draft as the official Word document; refused (exported: false) when it has errors and `force` is not set. */
export const EXPORT_WORD_REQUEST = "govReport/exportWord";

export interface ExportWordParams {
  text: string;
  /** The draft's URI: names the .govreportrc.json that applies. */
  uri?: string;
  /** Export even when the draft has errors. */
  force?: boolean;
}

/** A finding of the exported draft, message localized. */
export interface ExportFinding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
}

export type ExportWordResult =
  | { exported: true; data: string; organ?: string; year?: number; errors: number; warnings: number }
  | { exported: false; errors: ExportFinding[] };
