import { localized } from "../types";
import type { ColumnSpec, RelationSpec, TableSpec } from "./types";

/** Table 四 (行政复议、行政诉讼), FORMATS.md §4: one row of 15 figures, identical in both formats. */

const GROUPS = [
  { id: "review", label: "行政复议", group: "行政复议" },
  { id: "direct", label: "未经复议直接起诉", group: "行政诉讼" },
  { id: "after", label: "复议后起诉", group: "行政诉讼" },
];
const OUTCOMES = [
  { id: "upheld", label: "结果维持" },
  { id: "corrected", label: "结果纠正" },
  { id: "other", label: "其他结果" },
  { id: "pending", label: "尚未审结" },
  { id: "total", label: "总计" },
];

const COLUMNS: ColumnSpec[] = GROUPS.flatMap((g) =>
  OUTCOMES.map((o) => ({
    id: `${g.id}-${o.id}`,
    label: o.label,
    kind: "count" as const,
    group: g.group,
    subgroup: g.group === "行政诉讼" ? g.label : undefined,
  })),
);

const RELATIONS: RelationSpec[] = GROUPS.map((g) => ({
  rule: "review-total-mismatch",
  each: "row",
  left: [`${g.id}-total`],
  right: ["upheld", "corrected", "other", "pending"].map((o) => `${g.id}-${o}`),
  target: `${g.id}-total`,
  description: localized(
    `${g.label}：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结`,
    `${g.label}: total = upheld + corrected + other + pending`,
  ),
}));

export function reviewTable(): TableSpec {
  return {
    id: "review",
    section: 4,
    title: localized("政府信息公开行政复议、行政诉讼情况", "Administrative reconsideration and litigation"),
    markers: ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"],
    header: [
      ["行政复议", "", "", "", "", "行政诉讼", "", "", "", "", "", "", "", "", ""],
      ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
      ["", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
    ],
    labelColumns: 0,
    columns: COLUMNS,
    rows: [{ id: "cases", label: "案件数量" }],
    relations: RELATIONS,
    unlabeledRow: "cases",
  };
}
