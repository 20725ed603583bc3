/**
 * Word in, Word out: .docx reports converted to text drafts for the core to
 * check (with the Word location of every position), and drafts exported as
 * the official Word document. No vscode, no LSP, no Node API: it runs in a
 * browser too (the offline page).
 */
export { importDocx, type WordDraft } from "./import";
export { exportDocx, type ExportOptions, type ExportResult } from "./export";
export { opinionDocx, OPINION_CLOSING, type Opinion, type OpinionItem, type OpinionPart } from "./opinion";
export { describeWordLocation, type WordLocation } from "./locations";
export { DocxError } from "./errors";
