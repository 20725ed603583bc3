import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FormatId } from "../../server/src/core/formats";
import fc from "fast-check";
import { applyEdits, checkText, parse, renderReport, type Finding, type Range, type ReportModel, type TemplateLayout, type TextEdit } from "../../server/src/core";
import { figureValues, firstDifferentLine, layoutFigures, renderLayoutReport, TEMPLATE_LAYOUTS, WEB_LAYOUTS, type AnyLayout, type TableFormats } from "../helpers/layouts";
import { CLEAN_2021, fillGuidance } from "../helpers/mutate";

/**
 * One injected defect per table rule, in every template layout and both
 * formats: the defect is placed through the parsed model's own ranges, so the
 * same injection works on tab rows, pipe rows and one cell per line. Each
 * must produce exactly its rule and nothing else (an unknown cell silences
 * the relations that need it rather than raising a mismatch).
 */

const LAYOUTS: TemplateLayout[] = ["tabs", "pipes", "cell-per-line"];

/** Figures of the clean 2021 example, so that relations are non-trivial (2019 reports are zero-filled). */
function exampleFigures(): (row: string, column: string) => string | undefined {
  const model = parse(CLEAN_2021());
  const values = new Map<string, string>();
  for (const t of model.tables) for (const r of t.rows) r.cells.forEach((c, i) => c && values.set(`${r.spec.id}/${t.spec.columns[i].id}`, c.raw.trim()));
  return (row, column) => values.get(`${row}/${column}`);
}

function cleanReport(format: FormatId, layout: TemplateLayout): string {
  const year = format === "2021" ? 2023 : 2020;
  return fillGuidance(renderReport({ year, organ: "某某市人民政府办公室", format, layout, values: format === "2021" ? exampleFigures() : undefined }));
}

function rowOf(model: ReportModel, table: string, row: string) {
  const r = model.tables.find((t) => t.spec.id === table)?.rows.find((x) => x.spec.id === row);
  assert.ok(r, `${table}/${row} parsed`);
  return r;
}

const replace = (range: Range, newText: string): TextEdit => ({ range, newText });

interface Defect {
  name: string;
  rule: string;
  inject: (model: ReportModel) => TextEdit;
}

/** Table 三's 自然人 cell of （一）予以公开, and the first figure of table 四. */
const granted = (m: ReportModel) => rowOf(m, "applications", "granted").cells[0]!;
const reviewFirst = (m: ReportModel) => m.tables.find((t) => t.spec.id === "review")!.rows[0].cells[0]!;

const DEFECTS: Defect[] = [
  { name: "a blank cell", rule: "table-cell-empty", inject: (m) => replace(granted(m).contentRange, "") },
  { name: "a / for none", rule: "table-cell-empty", inject: (m) => replace(granted(m).contentRange, "/") },
  { name: "words in a cell", rule: "table-cell-invalid", inject: (m) => replace(granted(m).contentRange, "若干") },
  { name: "a fraction in table 四", rule: "table-cell-invalid", inject: (m) => replace(reviewFirst(m).contentRange, "1.5") },
  {
    name: "full-width digits",
    rule: "table-cell-format",
    inject: (m) => replace(granted(m).contentRange, granted(m).raw.trim().replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))),
  },
  {
    name: "one value too many",
    rule: "table-cell-count",
    inject: (m) => {
      const row = rowOf(m, "applications", "new");
      const last = row.rawCells[row.rawCells.length - 1];
      const extra = row.layout === "cell-per-line" ? "\n\t0" : row.layout === "tabs" ? "\t0" : "| 0 ";
      return replace({ start: last.range.end, end: last.range.end }, extra);
    },
  },
  {
    name: "a row deleted",
    rule: "table-row-missing",
    inject: (m) => {
      const row = rowOf(m, "applications", "unable-3");
      return replace({ start: { line: row.range.start.line, character: 0 }, end: { line: row.range.end.line + 1, character: 0 } }, "");
    },
  },
];

describe("injected defects in every layout and format", () => {
  for (const format of ["2019", "2021"] as FormatId[])
    for (const layout of LAYOUTS) {
      const clean = cleanReport(format, layout);

      it(`${format} ${layout}: the clean report has no finding`, () => {
        assert.deepEqual(checkText(clean).findings.map((f) => f.rule), []);
      });

      for (const defect of DEFECTS)
        it(`${format} ${layout}: ${defect.name} → ${defect.rule} only`, () => {
          const { text } = applyEdits(clean, [defect.inject(parse(clean))]);
          assert.notEqual(text, clean, "the defect changed the text");
          assert.deepEqual([...new Set(checkText(text).findings.map((f) => f.rule))], [defect.rule]);
        });
    }
});

/**
 * The same defects in the layouts of web copies (test/helpers/layouts.ts) as
 * well as the template layouts, in each format and in a 2022 report that
 * mixes the 2019 table 二 with the 2021 tables 三 and 四. The defect is
 * written into the rendering itself, so the test does not depend on the
 * reader to place it: the finding must stand where the text changed.
 */

/** One consistent set of figures per format, drawn once from a fixed seed. */
const consistentValues = (formats: TableFormats) => figureValues(formats, fc.sample(layoutFigures(formats), { seed: 20_261_207, numRuns: 1 })[0]);

interface RenderedDefect {
  name: string;
  rule: string;
  /** Changes to the clean rendering: cell texts by "row/column", a row dropped, a value appended. */
  cells?: Record<string, (clean: string | undefined) => string>;
  dropRow?: string;
  extraValueIn?: string;
}

const toFullWidth = (s: string | undefined) => (s ?? "0").replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

const RENDERED_DEFECTS: RenderedDefect[] = [
  { name: "a blank cell", rule: "table-cell-empty", cells: { "granted/natural": () => "" } },
  { name: "a / for none", rule: "table-cell-empty", cells: { "granted/natural": () => "/" } },
  { name: "a blank cell before a 总计 value", rule: "table-cell-empty", cells: { "new/other": () => "" } },
  { name: "words in a cell", rule: "table-cell-invalid", cells: { "granted/natural": () => "若干" } },
  { name: "a plus sign on a count", rule: "table-cell-invalid", cells: { "granted/natural": () => "+22" } },
  { name: "a doubled minus sign", rule: "table-cell-invalid", cells: { "new/total": () => "--253" } },
  { name: "a fraction in table 四", rule: "table-cell-invalid", cells: { "cases/review-upheld": () => "1.5" } },
  { name: "full-width digits", rule: "table-cell-format", cells: { "granted/natural": toFullWidth } },
  { name: "one value too many", rule: "table-cell-count", extraValueIn: "new" },
  { name: "a row deleted", rule: "table-row-missing", dropRow: "unable-3" },
];

const FORMAT_CASES: { name: string; year: number; formats: TableFormats }[] = [
  { name: "2019", year: 2020, formats: "2019" },
  { name: "2021", year: 2023, formats: "2021" },
  { name: "2019 table 二 with 2021 tables 三 and 四", year: 2022, formats: { active: "2019", applications: "2021" } },
];

const lineOfFinding = (f: Finding) => f.range.start.line + 1;
const serious = (f: Finding) => f.severity === "error" || f.severity === "warning";
const describeFinding = (f: Finding) => `${f.rule}@${lineOfFinding(f)}`;

/** 1-based lines from the first table line of section 二 to the line before section 三. */
function activeTableLines(text: string): [number, number] {
  const lines = text.split("\n");
  return [lines.indexOf("二、主动公开政府信息情况") + 1, lines.indexOf("三、收到和处理政府信息公开申请情况") + 1];
}

describe("injected defects in the layouts of web copies and in mixed templates", () => {
  for (const { name, year, formats } of FORMAT_CASES)
    for (const layout of [...TEMPLATE_LAYOUTS, ...WEB_LAYOUTS] as AnyLayout[]) {
      const values = consistentValues(formats);
      const options = { year, organ: "某某县人民政府办公室", formats, layout, values };
      const clean = renderLayoutReport(options);
      const mixed = typeof formats !== "string";
      const [activeFirst, activeLast] = activeTableLines(clean);
      /** The mixed report's template-version belongs to table 二, and only there. */
      const expectedVersionFinding = (f: Finding) => mixed && f.rule === "template-version" && lineOfFinding(f) >= activeFirst && lineOfFinding(f) <= activeLast;

      it(`${name}, ${layout}: the clean report has no warning or error${mixed ? " but template-version on table 二" : ""}`, () => {
        const findings = checkText(clean).findings.filter(serious);
        assert.deepEqual(findings.filter((f) => !expectedVersionFinding(f)).map(describeFinding), []);
        if (mixed) assert.ok(findings.some(expectedVersionFinding), "template-version on table 二");
      });

      for (const defect of RENDERED_DEFECTS)
        it(`${name}, ${layout}: ${defect.name} → one ${defect.rule} where the text changed`, () => {
          const edit = defect.cells ?? {};
          const text = renderLayoutReport({
            ...options,
            dropRow: defect.dropRow,
            extraValueIn: defect.extraValueIn,
            values: (row, column) => edit[`${row}/${column}`]?.(values(row, column)) ?? values(row, column),
          });
          assert.notEqual(text, clean, "the defect changed the text");
          const changed = firstDifferentLine(clean, text);
          const findings = checkText(text).findings;
          const own = findings.filter((f) => f.rule === defect.rule);
          assert.equal(own.length, 1, `one ${defect.rule}: ${own.map(describeFinding).join(", ")}`);
          if (defect.cells) assert.equal(lineOfFinding(own[0]), changed, "at the changed cell");
          if (defect.extraValueIn) {
            const lineOf = (label: string) => text.split("\n").findIndex((l) => l.includes(label)) + 1;
            const [first, next] = [lineOf("一、本年新收政府信息公开申请数量"), lineOf("二、上年结转政府信息公开申请数量")];
            assert.ok(lineOfFinding(own[0]) >= first && lineOfFinding(own[0]) < next, `on row 一 (lines ${first}–${next - 1}): ${describeFinding(own[0])}`);
          }
          assert.deepEqual(findings.filter((f) => f.rule !== defect.rule && serious(f) && !expectedVersionFinding(f)).map(describeFinding), []);
        });
    }
});
