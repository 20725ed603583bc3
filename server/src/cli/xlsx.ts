import { localized, pick, summarize, type Locale } from "../core";
import { shownPath } from "../node/files";
import type { CheckedReport } from "./digest";
import { listFindings } from "./listing";
import type { Sheet } from "./spreadsheet";
import { balanceText, mainProblem } from "./summary";

/**
 * `check --format xlsx -o 问题清单.xlsx`: the 问题清单 a reviewing office sends
 * back — a summary sheet (one row per report) and a findings sheet (one row
 * per finding, in reading order), both filterable.
 */

const t = (zh: string, en: string, locale: Locale) => pick(localized(zh, en), locale);

/**
 * The writer and exceljs, loaded on first use: in the bundle, dist/xlsx.js. By require, as
 * the Word side is (docx/lazy.ts says why).
 */
let writer: typeof import("./spreadsheet") | undefined;

export async function toXlsx(reports: CheckedReport[], locale: Locale): Promise<Uint8Array> {
  const { writeWorkbook } = (writer ??= require("./spreadsheet") as typeof import("./spreadsheet"));
  return writeWorkbook(sheets(reports, locale));
}

export function sheets(reports: CheckedReport[], locale: Locale): Sheet[] {
  const none = t("未识别", "not found", locale);
  const summary: Sheet = {
    name: t("汇总", "Summary", locale),
    columns: [
      { header: t("报告", "Report", locale), width: 36 },
      { header: t("机关", "Organ", locale), width: 28 },
      { header: t("年度", "Year", locale), width: 8 },
      { header: t("格式", "Format", locale), width: 8 },
      { header: t("错误", "Errors", locale), width: 8 },
      { header: t("警告", "Warnings", locale), width: 8 },
      { header: t("表三平衡", "Table 三 balance", locale), width: 14 },
      { header: t("主要问题", "Main problem", locale), width: 60, wrap: true },
    ],
    rows: reports.map((r) => {
      const s = summarize(r.digest.facts!, r.findings);
      return [shownPath(r.file), s.organ ?? none, s.year ?? none, s.format ?? none, s.errors, s.warnings, balanceText(s.balance, locale), mainProblem(r.findings, locale)];
    }),
  };
  const findings: Sheet = {
    name: t("问题清单", "Findings", locale),
    columns: [
      { header: t("报告", "Report", locale), width: 36 },
      { header: t("位置", "Location", locale), width: 22 },
      { header: t("问题类型", "Kind", locale), width: 36, wrap: true },
      { header: t("程度", "Severity", locale), width: 8 },
      { header: t("问题说明", "Message", locale), width: 60, wrap: true },
      { header: t("原文", "Text", locale), width: 40, wrap: true },
    ],
    rows: reports.flatMap((r) => listFindings(r, locale).map((f) => [shownPath(r.file), f.where, f.kind, f.severity, f.message, f.quote])),
  };
  return [summary, findings];
}
