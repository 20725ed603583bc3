import { localized } from "../types";
import { activeTables2019, activeTables2021 } from "./active";
import { applicationsTable } from "./applications";
import { reviewTable } from "./review";
import { SECTIONS } from "./sections";
import type { FormatId, FormatSpec, TableSpec } from "./types";

export * from "./types";
export { SECTIONS } from "./sections";

export const FORMATS: FormatSpec[] = [
  {
    id: "2019",
    name: localized("2019 格式", "2019 format"),
    notice: "国办公开办函〔2019〕60号",
    firstYear: 2019,
    sections: SECTIONS,
    tables: [...activeTables2019(), applicationsTable("2019"), reviewTable()],
    signatures: ["本年新制作数量", "对外公开总数量", "上一年项目数量", "第二十条第(九)项", "政府集中采购", "采购总金额"],
  },
  {
    id: "2021",
    name: localized("2021 格式", "2021 format"),
    notice: "国办公开办函〔2021〕30号",
    firstYear: 2021,
    sections: SECTIONS,
    tables: [...activeTables2021(), applicationsTable("2021"), reviewTable()],
    signatures: ["本年制发件数", "现行有效件数", "本年废止件数", "本年处理决定数量", "本年收费金额", "逾期不补正", "逾期未按收费通知"],
  },
];

export function formatById(id: FormatId): FormatSpec {
  return FORMATS.find((f) => f.id === id)!;
}

/** The format a report of this year must follow: the newest whose first year is not after it. */
export function formatForYear(year: number): FormatSpec {
  const sorted = [...FORMATS].sort((a, b) => b.firstYear - a.firstYear);
  return sorted.find((f) => year >= f.firstYear) ?? sorted[sorted.length - 1];
}

export function tableSpec(format: FormatSpec, id: string): TableSpec | undefined {
  return format.tables.find((t) => t.id === id);
}
