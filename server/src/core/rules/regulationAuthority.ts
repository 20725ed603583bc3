import { localized } from "../types";
import { defineRule } from "./types";

/**
 * 规章 can only be made by provincial governments and the governments of
 * 设区的市/自治州 (FORMATS.md §2). A township, a county or district, or a
 * department reporting 规章 > 0 has almost certainly misfiled its own rules.
 * Judged from the organ in the title; where the title leaves doubt (a 市
 * government may be county-level or not), the rule stays silent. The general
 * office of a government that makes 规章 reports them on its behalf.
 */
/** The 办公厅/办公室 of a government that may make 规章 publishes that government's 规章 (a 市 may be either kind: silent). */
const GENERAL_OFFICE = /(?:省|自治区|市|州|盟)(?:人民)?政府办公[厅室]$/;

const CANNOT = [
  { re: /(?:镇|乡|街道|办事处)(?:人民政府)?$/, zh: "乡镇、街道", en: "a township or sub-district" },
  { re: /[县区旗](?:人民政府)?$/, zh: "县（区）级政府", en: "a county-level government" },
  { re: /(?:局|委员会|委|办公室|办公厅|厅|办|中心|署|处|所|站|队|院|馆|司)$/, zh: "政府部门", en: "a government department" },
];

export const regulationAuthorityRule = defineRule({
  id: "regulation-authority",
  severity: "warning",
  category: "table",
  description: localized("无规章制定权的机关（乡镇、街道、县区、部门）填报了规章数量", "An organ that cannot make 规章 reports 规章 > 0"),
  example: localized("某镇人民政府在“规章”一行填报 2 件", "A township government reports 2 规章"),
  basis: localized(
    "依照《中华人民共和国立法法》，规章由国务院部门和省、自治区、直辖市及设区的市、自治州的人民政府制定；乡镇、街道、县（区）人民政府和地方政府部门没有规章制定权，表二（国办公开办函〔2021〕30号附件）“规章”一行应为 0。",
    "Under the Legislation Law only State Council departments and the governments of provinces and of cities with districts make 规章; a township, street office, county or local department reports 0 in the 规章 row of table 二 (国办公开办函〔2021〕30号).",
  ),
  correct: localized("某镇人民政府“规章”一行填 0，本机关制发的文件计入“行政规范性文件”", "A township reports 0 规章 and counts its own documents as 行政规范性文件"),
  fix: "none",
  check({ model, report }) {
    const organ = model.organ;
    if (!organ || GENERAL_OFFICE.test(organ)) return;
    const kind = CANNOT.find((k) => k.re.test(organ));
    if (!kind) return;
    const table = model.tables.find((t) => t.spec.id === "active-一");
    const row = table?.rows.find((r) => r.spec.id === "rules");
    const cell = row?.cells.find((c) => c?.status === "number" && c.value! > 0);
    if (!cell) return;
    report({
      range: cell.contentRange,
      message: localized(
        `${organ}属于${kind.zh}，没有规章制定权，“规章”应为 0（本机关的文件应计入规范性文件）`,
        `${organ} is ${kind.en} and cannot make 规章; its own documents belong under 规范性文件`,
      ),
    });
  },
});
