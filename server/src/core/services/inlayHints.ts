import type { ColumnSpec } from "../formats";
import type { ReportModel } from "../model";
import type { Position } from "../types";

/** Inlay hints: the column's name before each value of a table row, where the row's values were placed. */

export interface ColumnHint {
  position: Position;
  label: string;
}

export function inlayHints(model: ReportModel, fromLine = 0, toLine = model.lines.length - 1): ColumnHint[] {
  const hints: ColumnHint[] = [];
  for (const table of model.tables) {
    if (table.range.end.line < fromLine || table.range.start.line > toLine) continue;
    const name = columnNames(table.spec.columns);
    for (const row of table.rows) {
      // Cells a short row lacks all stand at its end; one hint there is enough.
      const taken = new Set<string>();
      for (const cell of row.cells) {
        const at = cell?.contentRange.start;
        if (!cell || !at || at.line < fromLine || at.line > toLine || taken.has(`${at.line}:${at.character}`)) continue;
        taken.add(`${at.line}:${at.character}`);
        hints.push({ position: at, label: `${name.get(cell.column)}:` });
      }
    }
  }
  return hints;
}

/**
 * Hints share a line with the figures: the editor cuts a line's hints short
 * past its length limit, and table 四 has fifteen figures on one line. Each
 * column is named by its shortest unambiguous word; the header above the
 * table carries the full wording.
 */
const SHORT: Record<string, string> = {
  上一年项目数量: "上年",
  "本年增/减": "增减",
  本年新制作数量: "新制作",
  本年新公开数量: "新公开",
  对外公开总数量: "总数",
  处理决定数量: "处理决定",
  本年处理决定数量: "处理决定",
  采购项目数量: "项目",
  采购总金额: "金额",
  本年制发件数: "制发",
  本年废止件数: "废止",
  现行有效件数: "现行有效",
  "本年收费金额（单位：万元）": "万元",
  商业企业: "企业",
  科研机构: "科研",
  社会公益组织: "公益",
  法律服务机构: "法律",
  行政复议: "复议",
  未经复议直接起诉: "直诉",
  复议后起诉: "复议后",
  结果维持: "维持",
  结果纠正: "纠正",
  其他结果: "其他",
  尚未审结: "未结",
};

const short = (label: string) => SHORT[label] ?? label;

/** A column's short label, prefixed by its group where the label repeats (table 四's three 结果维持). */
function columnNames(columns: ColumnSpec[]): Map<ColumnSpec, string> {
  const count = (label: string) => columns.filter((c) => c.label === label).length;
  return new Map(columns.map((c) => [c, count(c.label) > 1 ? `${short(c.subgroup ?? c.group ?? "")}·${short(c.label)}` : short(c.label)]));
}
