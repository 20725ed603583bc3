import { localized } from "../types";
import type { ColumnSpec, RelationSpec, RowSpec, TableSpec } from "./types";

/** Table 三 (收到和处理政府信息公开申请情况), FORMATS.md §3; the formats differ only in row （六）. */

const COLUMNS: ColumnSpec[] = [
  { id: "natural", label: "自然人", kind: "count", group: "申请人情况" },
  { id: "business", label: "商业企业", kind: "count", group: "申请人情况", subgroup: "法人或其他组织" },
  { id: "research", label: "科研机构", kind: "count", group: "申请人情况", subgroup: "法人或其他组织" },
  { id: "nonprofit", label: "社会公益组织", aliases: ["社会公益"], kind: "count", group: "申请人情况", subgroup: "法人或其他组织" },
  { id: "legal", label: "法律服务机构", aliases: ["法律服务"], kind: "count", group: "申请人情况", subgroup: "法人或其他组织" },
  { id: "other", label: "其他", kind: "count", group: "申请人情况", subgroup: "法人或其他组织" },
  { id: "total", label: "总计", kind: "count", group: "申请人情况" },
];

const REFUSED = "（三）不予公开";
const UNABLE = "（四）无法提供";
const NOT_PROCESSED = "（五）不予处理";
const OTHER = "（六）其他处理";

const items = (prefix: string, group: string, labels: string[]): RowSpec[] =>
  labels.map((label, i) => ({ id: `${prefix}-${i + 1}`, label: `${i + 1}.${label}`, group }));

const HEAD: RowSpec[] = [
  { id: "new", label: "一、本年新收政府信息公开申请数量" },
  { id: "carried", label: "二、上年结转政府信息公开申请数量" },
  { id: "results", label: "三、本年度办理结果", values: false },
  { id: "granted", label: "（一）予以公开", group: "三、本年度办理结果" },
  { id: "partial", label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", group: "三、本年度办理结果" },
  { id: "refused", label: REFUSED, values: false },
  ...items("refused", REFUSED, [
    "属于国家秘密",
    "其他法律行政法规禁止公开",
    "危及“三安全一稳定”",
    "保护第三方合法权益",
    "属于三类内部事务信息",
    "属于四类过程性信息",
    "属于行政执法案卷",
    "属于行政查询事项",
  ]),
  { id: "unable", label: UNABLE, values: false },
  ...items("unable", UNABLE, ["本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"]),
  { id: "not-processed", label: NOT_PROCESSED, values: false },
  ...items("not-processed", NOT_PROCESSED, [
    "信访举报投诉类申请",
    "重复申请",
    "要求提供公开出版物",
    "无正当理由大量反复申请",
    "要求行政机关确认或重新出具已获取信息",
  ]),
];

const TAIL: RowSpec[] = [
  { id: "outcome-total", label: "（七）总计" },
  { id: "forward", label: "四、结转下年度继续办理" },
];

const OTHER_2021: RowSpec[] = [
  { id: "other", label: OTHER, values: false },
  ...items("other", OTHER, [
    "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "其他",
  ]).map((r) => (r.id === "other-3" ? { ...r, carriesFrom: ["other"] } : r)),
];

const valueRows = (rows: RowSpec[]) => rows.filter((r) => r.values !== false).map((r) => r.id);

function relations(rows: RowSpec[]): RelationSpec[] {
  const outcomes = valueRows(rows).filter((id) => !["new", "carried", "outcome-total", "forward"].includes(id));
  return [
    {
      rule: "total-row-mismatch",
      each: "row",
      left: ["total"],
      right: ["natural", "business", "research", "nonprofit", "legal", "other"],
      target: "total",
      description: localized("总计 = 自然人 + 法人或其他组织（5 列）", "总计 = natural persons + the five organisation columns"),
    },
    {
      rule: "total-column-mismatch",
      each: "column",
      left: ["outcome-total"],
      right: outcomes,
      target: "outcome-total",
      description: localized("（七）总计 = （一）至（六）各项之和", "(七) total = the sum of outcomes (一)–(六)"),
    },
    {
      rule: "balance-mismatch",
      each: "column",
      left: ["new", "carried"],
      right: ["outcome-total", "forward"],
      target: "forward",
      description: localized(
        "第一项加第二项之和，等于第三项加第四项之和",
        "item one plus item two equals item three (the outcome total) plus item four",
      ),
    },
  ];
}

const HEADER: string[][] = [
  ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "申请人情况", "", "", "", "", "", ""],
  ["", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
  ["", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
];

export function applicationsTable(format: "2019" | "2021"): TableSpec {
  const rows = [
    ...HEAD,
    ...(format === "2019" ? [{ id: "other", label: OTHER, carriesFrom: ["other-1", "other-2", "other-3"] }] : OTHER_2021),
    ...TAIL,
  ];
  return {
    id: "applications",
    section: 3,
    title: localized("收到和处理政府信息公开申请情况", "Applications received and handled"),
    markers: ["本列数据的勾稽关系为", "申请人情况", "法人或其他组织"],
    header: HEADER,
    labelColumns: 2,
    columns: COLUMNS,
    rows,
    relations: relations(rows),
  };
}
