import * as vscode from "vscode";
import { NEW_REPORT_REQUEST, type NewReportResult } from "../../../server/src/server/commandProtocol";
import type { ReportServer } from "../languageClient";
import { REPORT_LANGUAGE } from "../languages";
import { t } from "../locale";

/** 新建年度报告: asks the year and the organ, and opens the skeleton of the year's format (rendered by the server) in an untitled report. */
export async function newReport(server: ReportServer): Promise<void> {
  // Reports are written early in the year for the year just ended.
  const lastYear = new Date().getFullYear() - 1;
  const yearText = await vscode.window.showInputBox({
    title: t("新建年度报告", "New annual report"),
    prompt: t("报告年度（2019、2020 年用 2019 格式，2021 年起用 2021 格式）", "Report year (2019 and 2020 use the 2019 format, 2021 on the 2021 format)"),
    value: String(lastYear),
    validateInput: (v) => (isYear(v) ? undefined : t("请输入 2008 至 2100 之间的四位年份", "Enter a year between 2008 and 2100")),
  });
  if (yearText === undefined) return;
  const year = Number(yearText);
  const client = await server.start();
  const { formatName } = await client.sendRequest<NewReportResult>(NEW_REPORT_REQUEST, { year });
  const organ = await vscode.window.showInputBox({
    title: t("新建年度报告", "New annual report"),
    prompt: t(`机关名称（${formatName}）`, `Name of the organ (${formatName})`),
    placeHolder: t("例如：××市人民政府办公室", "e.g. ××市人民政府办公室"),
  });
  if (organ === undefined) return;
  const { text } = await client.sendRequest<NewReportResult>(NEW_REPORT_REQUEST, { year, organ });
  const doc = await vscode.workspace.openTextDocument({ language: REPORT_LANGUAGE, content: text });
  await vscode.window.showTextDocument(doc);
}

function isYear(text: string): boolean {
  const year = Number(text.trim());
  return /^\d{4}$/.test(text.trim()) && year >= 2008 && year <= 2100;
}
