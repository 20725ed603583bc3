import type { Localized } from "../core";

/** A file that cannot be read as a Word document; the message says why, in both languages. */
export class DocxError extends Error {
  constructor(readonly reason: Localized) {
    super(`${reason.zh} / ${reason.en}`);
  }
}
