import type { ReportModel } from "../../model";
import { contentBounds, labelKey, stripNumbering } from "../../text";
import { range, type Range } from "../../types";

/**
 * The prose of a report as passages for comparison across years. Drafts
 * copied from PDFs wrap one paragraph over many lines, and last year's may be
 * wrapped elsewhere: lines are joined until one ends a sentence, so that
 * passages, not lines, are compared.
 */

export interface Passage {
  /** The passage as written, lines joined. */
  text: string;
  range: Range;
  /** First line (0-based), for messages. */
  line: number;
  /** Normalised for comparison: no numbering, padding, punctuation; every number is "#". */
  key: string;
}

/** A line ending so ends its paragraph; a list item ending in ； may wrap like any other line. */
const SENTENCE_END = /[。！？!?：:]\s*$/;

/** The passages of the given sections (1..6), in document order. */
export function passagesOf(model: ReportModel, sections: number[]): Passage[] {
  const out: Passage[] = [];
  let lines: number[] = [];
  for (const p of model.paragraphs) {
    if (!sections.includes(p.section)) continue;
    const last = lines[lines.length - 1];
    const continues = last === p.line - 1 && !SENTENCE_END.test(model.lines[last].text);
    if (!continues && lines.length) {
      out.push(passage(model, lines));
      lines = [];
    }
    lines.push(p.line);
  }
  if (lines.length) out.push(passage(model, lines));
  return out;
}

function passage(model: ReportModel, lines: number[]): Passage {
  const first = lines[0];
  const last = lines[lines.length - 1];
  const text = lines.map((i) => model.lines[i].text.trim()).join("");
  const [start] = contentBounds(model.lines[first].text);
  const [, end] = contentBounds(model.lines[last].text);
  return { text, range: range(first, start, last, end), line: first, key: normalise(text) };
}

/** Numbers are masked so that a paragraph copied with only its year and figures changed still matches. */
export function normalise(text: string): string {
  return stripNumbering(labelKey(text))
    .replace(/\d+(?:\.\d+)?/g, "#")
    .replace(/[\p{P}\p{S}]/gu, "");
}
