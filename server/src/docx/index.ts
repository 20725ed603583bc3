/**
 * Word in, Word out: .docx reports converted to text drafts for the core to
 * check (with the Word location of every position), and drafts exported as
 * the official Word document. Pure Node: no vscode, no LSP.
 */
export { importDocx, type WordDraft } from "./import";
export { exportDocx, type ExportOptions, type ExportResult } from "./export";
export { describeWordLocation, type WordLocation } from "./locations";
export { DocxError } from "./errors";
