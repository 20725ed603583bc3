import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FormatId } from "../../server/src/core/formats";
import { applyEdits, checkText, parse, renderReport, type Range, type ReportModel, type TemplateLayout, type TextEdit } from "../../server/src/core";
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
