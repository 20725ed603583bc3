import { formatById, formatForYear, FORMATS, type FormatId } from "../formats";
import type { Artifact, FormatInfo, Paragraph, ReportModel, ReportYear, Section } from "../model";
import { DEBRIS, DEBRIS_START, hasContent, labelKey, splitLines, type SourceLine } from "../text";
import { lineRange, range, type Range } from "../types";
import { KeyMemo } from "../memo";
import { cellKey, contentRangeOf, findBlocks, type GridBlock } from "./grid";
import { readHeading, readSubheading, type HeadingCandidate } from "./headings";
import { findPeriod, findTitle, mostCommonYear, namesItselfReport, organOf } from "./meta";
import { readTables, type SignatureHit } from "./tables";

export { isValueLike } from "./cells";

/**
 * parse(text) → ReportModel, in one pass over the lines plus a pass over the
 * table blocks: linear in the size of the text.
 */
export function parse(text: string): ReportModel {
  const lines = splitLines(text);
  const candidates = lines.map((l, i) => readHeading(i, l.text));
  const isSectionLine = (i: number) => candidates[i]?.spec !== undefined;
  const blocks = findBlocks(lines, isSectionLine);
  const inTable = new Uint8Array(lines.length);
  for (const b of blocks) inTable.fill(1, b.firstLine, b.lastLine + 1);

  const { sections, strays } = assembleSections(lines, candidates, inTable);
  const headingLines = new Set(sections.map((s) => s.range.start.line));
  const firstSection = sections.length ? sections[0].range.start.line : lines.length;
  const title = findTitle(lines, firstSection);
  const titleLines = new Set(title?.lines ?? []);

  const paragraphs: Paragraph[] = [];
  let sectionIndex = 0;
  let s = 0;
  for (let i = 0; i < lines.length; i++) {
    while (s < sections.length && sections[s].range.start.line <= i) sectionIndex = sections[s++].spec.index;
    if (inTable[i] || headingLines.has(i) || titleLines.has(i) || !hasContent(lines[i].text)) continue;
    paragraphs.push({ line: i, text: lines[i].text, section: sectionIndex });
  }
  const period = findPeriod(lines);
  const year = reportYear(title?.year, period, lines, paragraphs);
  const { format, signatures } = detectFormat(blocks, year?.value);
  const { tables, unreadable } = readTables(blocks, format.used, signatures, lines);

  // A line between a table's rows is the table's, even when it lost its separators (a row whose pipes were
  // removed): no sub-heading and no sentence of the text.
  for (const t of [...tables, ...unreadable]) inTable.fill(1, t.range.start.line, t.range.end.line + 1);
  for (const sec of sections) {
    for (let i = sec.bodyRange.start.line + 1; i <= sec.bodyRange.end.line; i++) {
      if (inTable[i]) continue;
      const sub = readSubheading(i, lines[i].text);
      if (sub) sec.subheadings.push(sub);
    }
  }
  return {
    lines,
    title,
    organ: title ? organOf(title.text) : undefined,
    year,
    period,
    sections,
    strayHeadings: strays,
    tables,
    unreadableTables: unreadable,
    paragraphs: paragraphs.filter((p) => !inTable[p.line]),
    artifacts: findArtifacts(lines),
    format,
    isReport: title !== undefined || sections.length >= 2 || tables.length > 0 || namesItselfReport(lines, firstSection),
  };
}

function assembleSections(lines: SourceLine[], candidates: (HeadingCandidate | undefined)[], inTable: Uint8Array) {
  const found: HeadingCandidate[] = [];
  const strays: HeadingCandidate[] = [];
  const seen = new Set<number>();
  candidates.forEach((c, i) => {
    if (!c) return;
    if (c.spec) {
      // A heading without its numeral counts only the first time: it is too plain a phrase to be a duplicate.
      if (!c.numeral && seen.has(c.spec.index)) return;
      seen.add(c.spec.index);
      found.push(c);
    } else if (!inTable[i] && !lines[i].text.includes("\t") && c.numeral && c.numeral.value <= 6) {
      strays.push(c);
    }
  });
  // A numbered heading in a section's place, worded in a way we do not know, is that section.
  const remaining: HeadingCandidate[] = [];
  for (const st of strays) {
    const k = st.numeral!.value;
    const line = st.range.start.line;
    const fits =
      !seen.has(k) &&
      found.every((f) => (f.spec!.index < k ? f.range.start.line < line : f.range.start.line > line));
    if (fits) {
      seen.add(k);
      found.push({ ...st, spec: lines.length ? specOf(k) : undefined });
    } else remaining.push(st);
  }
  found.sort((a, b) => a.range.start.line - b.range.start.line);
  const sections: Section[] = found.map((c, i) => {
    const next = found[i + 1]?.range.start.line ?? lines.length;
    const last = Math.max(c.range.start.line, next - 1);
    // Field by field, in the candidate's order (readHeading's literal): a spread takes V8's slow path.
    return {
      range: c.range,
      text: c.text,
      numeral: c.numeral,
      titleRange: c.titleRange,
      core: c.core,
      spec: c.spec!,
      variant: c.core !== labelKey(c.spec!.title),
      bodyRange: range(c.range.start.line, 0, last, lines[last].text.length),
      subheadings: [],
    };
  });
  return { sections, strays: remaining };
}

function specOf(index: number) {
  return FORMATS[0].sections.find((s) => s.index === index);
}

function reportYear(
  titleYear: { value: number; range: Range } | undefined,
  period: { startYear: number; range: Range } | undefined,
  lines: SourceLine[],
  paragraphs: Paragraph[],
): ReportYear | undefined {
  if (titleYear) return { value: titleYear.value, source: "title", range: titleYear.range };
  if (period) return { value: period.startYear, source: "period", range: period.range };
  const overview = paragraphs.filter((p) => p.section <= 1).map((p) => p.line);
  return mostCommonYear(lines, overview.length ? overview : paragraphs.map((p) => p.line));
}

/** Each format's signatures as keys, built once. */
const SIGNATURES = FORMATS.map((f) => ({ id: f.id, keys: f.signatures.map(labelKey) }));
/** A key is never longer than its text, and no signature is shorter than this: short cells (the values) need no key. */
const SHORTEST_SIGNATURE = Math.min(...SIGNATURES.flatMap((s) => s.keys.map((k) => k.length)));

/** The formats whose signature a cell key holds, computed once per key: table labels repeat within a report and across reports. */
const SIGNATURE_HITS = new KeyMemo<FormatId[]>((key) => SIGNATURES.filter((sig) => sig.keys.some((k) => key.includes(k))).map((sig) => sig.id));

/**
 * Which format the tables follow, from the wordings only one format has
 * (FORMATS.md §6), and where each such wording stands: each table is then
 * read in the format of its own words.
 */
function detectFormat(blocks: GridBlock[], year: number | undefined): { format: FormatInfo; signatures: SignatureHit[] } {
  const hits = new Map<FormatId, { n: number; range?: Range }>();
  const signatures: SignatureHit[] = [];
  for (const b of blocks) {
    for (const row of b.rows) {
      for (const cell of row.cells) {
        if (cell.raw.length < SHORTEST_SIGNATURE) continue;
        const key = cellKey(cell);
        if (key.length < SHORTEST_SIGNATURE) continue;
        for (const id of SIGNATURE_HITS.get(key)) {
          const h = hits.get(id) ?? { n: 0 };
          h.n++;
          h.range ??= contentRangeOf(cell);
          hits.set(id, h);
          signatures.push({ line: cell.line, format: id });
        }
      }
    }
  }
  let detected: FormatId | undefined;
  let best = 0;
  for (const [id, h] of hits) {
    if (h.n > best) {
      best = h.n;
      detected = id;
    } else if (h.n === best) detected = undefined;
  }
  const expected = year !== undefined ? formatForYear(year).id : undefined;
  const format = {
    detected,
    expected,
    used: formatById(detected ?? expected ?? "2021"),
    signatureRange: detected ? hits.get(detected)!.range : undefined,
  };
  return { format, signatures };
}

function findArtifacts(lines: SourceLine[]): Artifact[] {
  const artifacts: Artifact[] = [];
  lines.forEach((l, i) => {
    if (!DEBRIS_START.test(l.text)) return;
    for (const m of l.text.matchAll(DEBRIS)) artifacts.push({ text: m[0], range: lineRange(i, m.index!, m.index! + m[0].length) });
  });
  return artifacts;
}
