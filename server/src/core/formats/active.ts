import { localized } from "../types";
import type { ColumnSpec, RowSpec, TableSpec } from "./types";

/** The sub-tables of 二、主动公开政府信息情况 (FORMATS.md §2), one per 第二十条 item. */

interface SubTable {
  item: string;
  columns: ColumnSpec[];
  rows: RowSpec[];
}

const ITEM_TITLES: Record<string, [string, string]> = {
  "一": ["规章和规范性文件", "Rules and normative documents"],
  "五": ["行政许可等", "Administrative licensing"],
  "六": ["行政处罚、行政强制", "Penalties and enforcement"],
  "八": ["行政事业性收费", "Administrative fees"],
  "九": ["政府集中采购", "Centralised government procurement"],
};

function subTable({ item, columns, rows }: SubTable): TableSpec {
  const caption = `第二十条第（${item}）项`;
  const [zh, en] = ITEM_TITLES[item];
  return {
    id: `active-${item}`,
    section: 2,
    title: localized(`${caption}（${zh}）`, `Article 20 (${item}): ${en}`),
    caption,
    markers: [caption],
    header: [[caption, ...columns.map(() => "")], ["信息内容", ...columns.map((c) => c.label)]],
    labelColumns: 1,
    columns,
    rows,
    relations: [],
  };
}

const row = (id: string, label: string, aliases?: string[]): RowSpec => ({ id, label, aliases });

const PREV: ColumnSpec = { id: "previous", label: "上一年项目数量", kind: "count" };
const CHANGE: ColumnSpec = { id: "change", label: "本年增/减", aliases: ["本年增减", "本年增/减数量"], kind: "signed" };
const DECISIONS_2019: ColumnSpec = { id: "decisions", label: "处理决定数量", kind: "count" };
const DECISIONS_2021: ColumnSpec = { id: "decisions", label: "本年处理决定数量", kind: "count" };

export function activeTables2019(): TableSpec[] {
  return [
    subTable({
      item: "一",
      columns: [
        { id: "made", label: "本年新制作数量", aliases: ["本年新"], kind: "count", carriesFrom: ["issued"] },
        { id: "published", label: "本年新公开数量", aliases: ["本年新"], kind: "count" },
        { id: "total", label: "对外公开总数量", kind: "count" },
      ],
      rows: [row("rules", "规章"), row("normative", "规范性文件", ["行政规范性文件"])],
    }),
    subTable({
      item: "五",
      columns: [PREV, CHANGE, DECISIONS_2019],
      rows: [row("licensing", "行政许可"), row("other-services", "其他对外管理服务事项")],
    }),
    subTable({
      item: "六",
      columns: [PREV, CHANGE, DECISIONS_2019],
      rows: [row("penalty", "行政处罚"), row("enforcement", "行政强制")],
    }),
    subTable({ item: "八", columns: [PREV, CHANGE], rows: [row("fees", "行政事业性收费")] }),
    subTable({
      item: "九",
      columns: [
        { id: "projects", label: "采购项目数量", kind: "count" },
        { id: "amount", label: "采购总金额", kind: "amount" },
      ],
      rows: [row("procurement", "政府集中采购")],
    }),
  ];
}

export function activeTables2021(): TableSpec[] {
  return [
    subTable({
      item: "一",
      columns: [
        { id: "issued", label: "本年制发件数", kind: "count", carriesFrom: ["made"] },
        { id: "abolished", label: "本年废止件数", kind: "count" },
        { id: "active", label: "现行有效件数", kind: "count" },
      ],
      rows: [row("rules", "规章"), row("normative", "行政规范性文件", ["规范性文件"])],
    }),
    subTable({ item: "五", columns: [DECISIONS_2021], rows: [row("licensing", "行政许可")] }),
    subTable({ item: "六", columns: [DECISIONS_2021], rows: [row("penalty", "行政处罚"), row("enforcement", "行政强制")] }),
    subTable({
      item: "八",
      columns: [{ id: "fee", label: "本年收费金额（单位：万元）", aliases: ["本年收费金额"], kind: "amount" }],
      rows: [row("fees", "行政事业性收费")],
    }),
  ];
}
