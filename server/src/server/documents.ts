import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";

const isPosition = (p: unknown) =>
  typeof p === "object" && p !== null && Number.isFinite((p as { line: unknown }).line) && Number.isFinite((p as { character: unknown }).character);

const isChange = (c: unknown): c is TextDocumentContentChangeEvent => {
  if (typeof c !== "object" || c === null || typeof (c as { text: unknown }).text !== "string") return false;
  const range = (c as { range?: { start: unknown; end: unknown } }).range;
  return range === undefined || (isPosition(range.start) && isPosition(range.end));
};

/**
 * TextDocument for the server's document manager, refusing malformed
 * didOpen and didChange notifications (text that is not a string, a range
 * without numeric positions) instead of storing them: one document whose
 * text is not a string made every later check fail, since the previous-year
 * lookup reads all open documents. A refused notification throws, which
 * vscode-languageserver logs and ignores; the document stays as it was.
 */
export const ValidatedTextDocument: TextDocumentsConfiguration<TextDocument> = {
  create(uri, languageId, version, content) {
    if (typeof uri !== "string" || typeof content !== "string") throw new TypeError("gov-report: didOpen without a uri and a text, ignored");
    return TextDocument.create(uri, typeof languageId === "string" ? languageId : "", Number.isInteger(version) ? version : 0, content);
  },
  update(document, changes, version) {
    if (!Array.isArray(changes) || !changes.every(isChange)) throw new TypeError(`gov-report: malformed didChange of ${document.uri}, ignored`);
    return TextDocument.update(document, changes, version);
  },
};
