import type { ReportModel } from "./model";

/** The model as plain JSON for `gov-report parse --json`: spec objects reduced to their ids. */
export function modelToJson(model: ReportModel): unknown {
  return {
    isReport: model.isReport,
    title: model.title,
    organ: model.organ,
    year: model.year,
    period: model.period,
    format: { detected: model.format.detected, expected: model.format.expected, used: model.format.used.id },
    sections: model.sections.map((s) => ({
      index: s.spec.index,
      text: s.text,
      numeral: s.numeral?.text,
      variant: s.variant,
      range: s.range,
      bodyRange: s.bodyRange,
      subheadings: s.subheadings.map((h) => ({ style: h.style, value: h.value, line: h.range.start.line })),
    })),
    tables: model.tables.map((t) => ({
      id: t.spec.id,
      layout: t.layout,
      range: t.range,
      missingRows: t.missingRows.map((r) => r.id),
      rows: t.rows.map((r) => ({
        id: r.spec.id,
        label: r.spec.label,
        line: r.range.start.line,
        placement: r.placement,
        valueCount: r.valueCount,
        cells: r.cells.map((c) =>
          c ? { column: c.column.id, raw: c.raw, status: c.status, value: c.value, canonical: c.canonical, problem: c.problem } : null,
        ),
      })),
    })),
    artifacts: model.artifacts,
  };
}
