/**
 * fast-check generators for the property tests and `npm run fuzz`: hostile
 * Unicode, mutations of real drafts, pathological repetitions, and
 * well-formed reports whose figures satisfy every relation (勾稽关系).
 */
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FORMATS, formatById, SECTIONS, type FormatId, type FormatSpec, type TableSpec } from "../../server/src/core/formats";
import { renderReport, type TemplateLayout } from "../../server/src/core/templates";

export const SAMPLES_DIR = join(__dirname, "../../../shared/samples");

export const SAMPLES: string[] = readdirSync(SAMPLES_DIR)
  .filter((n) => n.endsWith(".txt"))
  .sort()
  .map((n) => readFileSync(join(SAMPLES_DIR, n), "utf8"));

/** Characters that break naive text handling: surrogates (paired and lone), combining and zero-width marks, bidi controls, NUL, BOM, line separators. */
const NASTY = [
  "😀", "\u{20BB7}", "\uD83D", "\uDE00", "e\u0301", "\u0301\u0302", "\u200B", "\u200D", "\u2060", "\u200E", "\u200F", "\u202E", "\u2066",
  "\0", "\uFEFF", "\u00A0", "\u3000", "\u2028", "\u2029", "\u0085", "\v", "\f", "\r", "\n", "\r\n", "\t", "|", " |", "１２", "－", "/",
  "<p>", "</p>", "&nbsp;", "[bookmark: _GoBack]", "<!-- gov-report-disable -->", "<!-- gov-report-disable-next-line", "-->",
];

/** Every wording the formats know (section titles, table captions, headers, row and column labels): text the parser reacts to. */
const REPORT_WORDS: string[] = [
  ...new Set([
    ...SECTIONS.flatMap((s) => [`${s.numeral}、${s.title}`, s.title, ...s.variants]),
    ...FORMATS.flatMap((f) => f.tables.flatMap((t) => [...t.header.flat(), ...t.rows.map((r) => r.label), ...t.columns.map((c) => c.label)])),
    "政府信息公开工作年度报告", "2020年", "二〇二一年", "本年度报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止",
    "（一）", "(二)", "1.", "2、", "一是", "减2", "+3", "--5", "1,000", "12.5万元", "无",
  ]),
].filter((w) => w !== "");

const fragment: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY), weight: 3 },
  { arbitrary: fc.constantFrom(...REPORT_WORDS), weight: 3 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 4 }), weight: 1 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 4 }), weight: 1 },
  { arbitrary: fc.nat(100_000).map(String), weight: 2 },
);

/** Any place in a text, equally likely (fast-check otherwise favours small numbers, i.e. the first lines). */
const place = fc.noBias(fc.nat());
/** A uniform share of something in [0, 1] (fc.double is uniform over bit patterns, i.e. mostly tiny). */
const share = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_000);

/** Random text made of hostile characters, report wordings, digits and any code point. */
export const unicodeText: fc.Arbitrary<string> = fc.array(fragment, { maxLength: 400, size: "large" }).map((parts) => parts.join(""));

// ---------------------------------------------------------------- well-formed reports

export const LAYOUTS: TemplateLayout[] = ["tabs", "pipes", "cell-per-line"];
const ORGANS = ["某市人民政府", "××县人民政府办公室", "白元镇人民政府", "某省教育厅", "某区市场监督管理局"];

/** Figures by cell: `row\u0000column` → value (row ids are unique within a format). */
export type Figures = Map<string, number>;
export const cellKey = (row: string, column: string) => `${row}\u0000${column}`;

const count = fc.oneof(fc.constant(0), fc.nat(60));

function freeValue(kind: "count" | "signed" | "amount"): fc.Arbitrary<number> {
  if (kind === "signed") return fc.integer({ min: -60, max: 60 });
  if (kind === "amount") return fc.nat(10_000_000).map((cents) => cents / 100);
  return count;
}

/** Tables without relations (the sub-tables of 二): any valid value in every cell. */
function freeTable(table: TableSpec): fc.Arbitrary<[string, number][]> {
  const cells = table.rows.filter((r) => r.values !== false).flatMap((r) => table.columns.map((c) => ({ key: cellKey(r.id, c.id), kind: c.kind })));
  return fc.tuple(...cells.map((c) => freeValue(c.kind))).map((values) => cells.map((c, i): [string, number] => [c.key, values[i]]));
}

const relationOf = (table: TableSpec, rule: string) => table.relations.find((r) => r.rule === rule)!;

/**
 * Table 三 with every relation holding: per applicant column, random outcomes
 * and carry-forward; （七）总计 is their sum, 一 = （七） + 四 − 二 (二 drawn so
 * that 一 ≥ 0); the 总计 column is the sum of the applicant columns.
 */
function applicationsTable(table: TableSpec): fc.Arbitrary<[string, number][]> {
  const byRow = relationOf(table, "total-row-mismatch");
  const outcomes = relationOf(table, "total-column-mismatch").right;
  const column = fc.record({
    outcomes: fc.array(count, { minLength: outcomes.length, maxLength: outcomes.length }),
    forward: count,
    carriedShare: share,
  });
  return fc.array(column, { minLength: byRow.right.length, maxLength: byRow.right.length }).map((columns) => {
    const figures = new Map<string, number>();
    columns.forEach((c, i) => {
      const col = byRow.right[i];
      const outcomeTotal = c.outcomes.reduce((a, b) => a + b, 0);
      const carried = Math.floor(c.carriedShare * (outcomeTotal + c.forward));
      outcomes.forEach((row, j) => figures.set(cellKey(row, col), c.outcomes[j]));
      figures.set(cellKey("outcome-total", col), outcomeTotal);
      figures.set(cellKey("forward", col), c.forward);
      figures.set(cellKey("carried", col), carried);
      figures.set(cellKey("new", col), outcomeTotal + c.forward - carried);
    });
    for (const row of table.rows.filter((r) => r.values !== false)) {
      const sum = byRow.right.reduce((a, col) => a + figures.get(cellKey(row.id, col))!, 0);
      figures.set(cellKey(row.id, byRow.target), sum);
    }
    return [...figures];
  });
}

/** Table 四: each group's 总计 is the sum of its four outcomes. */
function reviewTable(table: TableSpec): fc.Arbitrary<[string, number][]> {
  const row = table.rows[0].id;
  return fc.array(count, { minLength: table.relations.length * 4, maxLength: table.relations.length * 4 }).map((values) =>
    table.relations.flatMap((rel, g) => {
      const parts = rel.right.map((col, i): [string, number] => [cellKey(row, col), values[g * 4 + i]]);
      return [...parts, [cellKey(row, rel.target), parts.reduce((a, [, v]) => a + v, 0)] as [string, number]];
    }),
  );
}

export function consistentFigures(format: FormatSpec): fc.Arbitrary<Figures> {
  const tables = format.tables.map((t) => (t.id === "applications" ? applicationsTable(t) : t.id === "review" ? reviewTable(t) : freeTable(t)));
  return fc.tuple(...tables).map((parts) => new Map(parts.flat()));
}

export interface ReportShape {
  format: FormatId;
  layout: TemplateLayout;
  eol: string;
  year: number;
  organ: string;
}

export interface GeneratedReport extends ReportShape {
  figures: Figures;
  text: string;
}

/** How a figure is written in a clean report: amounts with two decimals, everything else as an integer. */
export function writeFigure(value: number, kind: "count" | "signed" | "amount"): string {
  return kind === "amount" ? value.toFixed(2) : String(value);
}

export function render(shape: ReportShape, figures: Figures, override?: { key: string; text: string }): string {
  const format = formatById(shape.format);
  const kinds = new Map(format.tables.flatMap((t) => t.rows.flatMap((r) => t.columns.map((c) => [cellKey(r.id, c.id), c.kind] as const))));
  return renderReport({
    ...shape,
    values: (row, column) => {
      const key = cellKey(row, column);
      if (override?.key === key) return override.text;
      const value = figures.get(key);
      return value === undefined ? undefined : writeFigure(value, kinds.get(key)!);
    },
  });
}

export const reportShape: fc.Arbitrary<ReportShape> = fc
  .record({
    format: fc.constantFrom<FormatId>("2019", "2021"),
    layout: fc.constantFrom(...LAYOUTS),
    eol: fc.constantFrom("\n", "\r\n"),
    offset: fc.nat(4),
    organ: fc.constantFrom(...ORGANS),
  })
  .map(({ format, offset, ...rest }) => ({ ...rest, format, year: format === "2019" ? 2019 + (offset % 2) : 2021 + offset }));

/** A complete report in either format and any layout, with figures that satisfy every relation. */
export const consistentReport: fc.Arbitrary<GeneratedReport> = reportShape.chain((shape) =>
  consistentFigures(formatById(shape.format)).map((figures) => ({ ...shape, figures, text: render(shape, figures) })),
);

// ---------------------------------------------------------------- mutations

type Lines = string[];
type Mutation = (lines: Lines) => Lines;

const pick = (n: number, length: number) => (length ? n % length : 0);
const cellsOf = (line: string) => line.split(line.includes("\t") ? "\t" : "|");
const joinCells = (line: string, cells: string[]) => cells.join(line.includes("\t") ? "\t" : "|");

function onCells(i: number, edit: (cells: string[]) => string[]): Mutation {
  return (lines) => {
    const at = pick(i, lines.length);
    const out = [...lines];
    out[at] = joinCells(lines[at] ?? "", edit(cellsOf(lines[at] ?? "")));
    return out;
  };
}

/** A line of cells in another table layout (FORMATS.md §7). */
function relayout(line: string, layout: "pipes" | "bare-pipes" | "pipe-per-line" | "cell-per-line"): string[] {
  const cells = cellsOf(line);
  if (cells.length < 2) return [line];
  if (layout === "pipes") return [`| ${cells.join(" | ")} |`];
  if (layout === "bare-pipes") return [cells.join(" | ")];
  if (layout === "pipe-per-line") return [...cells.map((c) => `${c} |`), ""];
  return [...cells.map((c) => `\t${c}`), ""];
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  place.map((i): Mutation => (lines) => lines.filter((_, k) => k !== pick(i, lines.length))),
  place.map((i): Mutation => (lines) => lines.flatMap((l, k) => (k === pick(i, lines.length) ? [l, l] : [l]))),
  fc.tuple(place, place).map(([i, j]): Mutation => (lines) => {
    const out = [...lines];
    const [a, b] = [pick(i, lines.length), pick(j, lines.length)];
    [out[a], out[b]] = [lines[b], lines[a]];
    return out;
  }),
  fc.tuple(place, place).map(([i, k]) => onCells(i, (cells) => cells.filter((_, c) => c !== pick(k, cells.length)))),
  fc.tuple(place, place).map(([i, k]) => onCells(i, (cells) => cells.flatMap((c, n) => (n === pick(k, cells.length) ? [c, c] : [c])))),
  fc.tuple(place, place, place).map(([i, k, m]) =>
    onCells(i, (cells) => {
      const out = [...cells];
      const [a, b] = [pick(k, cells.length), pick(m, cells.length)];
      [out[a], out[b]] = [cells[b], cells[a]];
      return out;
    }),
  ),
  // A tab or pipe inserted or removed somewhere in a line.
  fc.tuple(place, place, fc.constantFrom("\t", "|", "")).map(([i, p, s]): Mutation => (lines) => {
    const out = [...lines];
    const at = pick(i, lines.length);
    const line = lines[at] ?? "";
    const pos = pick(p, line.length + 1);
    out[at] = s ? line.slice(0, pos) + s + line.slice(pos) : line.replace(/[\t|]/, "");
    return out;
  }),
  // A digit changed, anywhere in the text.
  fc.tuple(place, fc.constantFrom(..."0123456789１")).map(([n, d]): Mutation => (lines) => {
    const text = lines.join("\n");
    const digits = [...text.matchAll(/\d/g)];
    if (!digits.length) return lines;
    const at = digits[pick(n, digits.length)].index!;
    return (text.slice(0, at) + d + text.slice(at + 1)).split("\n");
  }),
  // A run of lines moved to another table layout.
  fc.tuple(place, fc.nat(40), fc.constantFrom("pipes", "bare-pipes", "pipe-per-line", "cell-per-line") as fc.Arbitrary<Parameters<typeof relayout>[1]>).map(
    ([i, n, layout]): Mutation => (lines) => {
      const from = pick(i, lines.length);
      return lines.flatMap((l, k) => (k >= from && k < from + n ? relayout(l, layout) : [l]));
    },
  ),
  // Hostile text inserted inside a line.
  fc.tuple(place, place, fragment).map(([i, p, s]): Mutation => (lines) => {
    const out = [...lines];
    const at = pick(i, lines.length);
    const line = lines[at] ?? "";
    const pos = pick(p, line.length + 1);
    out[at] = line.slice(0, pos) + s + line.slice(pos);
    return out;
  }),
);

/**
 * A consistent report whose tables follow the other year's format (a 2019
 * template in a 2022 report, or the reverse): template-version's rewrite of
 * the tables is what fix-all and the fix invariants then exercise.
 */
export const wrongFormatReport: fc.Arbitrary<GeneratedReport> = fc.tuple(consistentReport, fc.boolean()).map(([r, zeros]) => {
  const year = r.format === "2019" ? 2022 : 2020;
  // All zeros: no figure is lost, so the rewrite is a safe fix and fix-all applies it.
  const figures: Figures = zeros ? new Map([...r.figures.keys()].map((k) => [k, 0])) : r.figures;
  return { ...r, year, figures, text: render({ ...r, year }, figures) };
});

/** A starting text: one of the real samples, or a generated report (in its year's format or the other). */
const baseText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SAMPLES),
  consistentReport.map((r) => r.text),
  wrongFormatReport.map((r) => r.text),
);

/** A sample or a generated report after a few random edits, with LF, CRLF or CR line ends, possibly cut short. */
export const mutatedDraft: fc.Arbitrary<string> = fc
  .record({
    base: baseText,
    mutations: fc.array(mutation, { minLength: 1, maxLength: 8, size: "large" }),
    eol: fc.constantFrom("\n", "\r\n", "\r"),
    cut: fc.oneof({ arbitrary: fc.constant(null), weight: 7 }, { arbitrary: share, weight: 1 }),
  })
  .map(({ base, mutations, eol, cut }) => {
    const lines = mutations.reduce((ls, m) => m(ls), base.split(/\r\n|\n|\r/));
    const text = lines.join(eol);
    return cut === null ? text : text.slice(0, Math.floor(cut * text.length));
  });

// ---------------------------------------------------------------- pathological input for the time budget

/** Short units whose long repetition defeats backtracking regular expressions or per-line rescans. */
const REPEATED_UNITS = [
  " ", "\u3000", "\u00a0", "\t", "|", " |", "<a ", "<p", "&#1", "1,", "1，", "-", "—", "+", "减", "0", "0\t", "\t0",
  "（", "（一", "一、", "1.", "2020年", "统计", "[bookmark:", "<!--", " gov-report-disable a", "政府信息公开", "总计",
  "\n", "\r", "\t\n", "|\n", "x|\n", "a|b\n", "\t1\n", "\t\n\n", "一、总体情况\n", "（一）\n", "规章\t0\t0\t0\n", "<p>\n",
];

/** A generated draft whose counterexample prints as how it was made, not as 50,000 characters. */
export interface DescribedText {
  text: string;
  [fc.toStringMethod](): string;
}

/** A draft with one unit repeated thousands of times somewhere inside it, then a character that may spoil a match. */
export const pathologicalDraft: fc.Arbitrary<DescribedText> = fc
  .record({
    base: fc.nat(SAMPLES.length),
    unit: fc.constantFrom(...REPEATED_UNITS),
    size: fc.noBias(fc.integer({ min: 20_000, max: 60_000 })),
    tail: fc.constantFrom("", "x", "0", "|", ">", "\t", "-->"),
    at: share,
  })
  .map(({ base, unit, size, tail, at }) => {
    const sample = SAMPLES[base] ?? "";
    const pos = Math.floor(at * sample.length);
    const times = Math.ceil(size / unit.length);
    return {
      text: sample.slice(0, pos) + unit.repeat(times) + tail + sample.slice(pos),
      [fc.toStringMethod]: () => `${JSON.stringify(unit)} × ${times} + ${JSON.stringify(tail)} at offset ${pos} of ${base < SAMPLES.length ? `sample ${base}` : "an empty text"}`,
    };
  });
