import { mkdirSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { ruleById, type Locale } from "../core";
import { loadDocx } from "../docx/lazy";
import type { OpinionPart } from "../docx";
import { shownPath } from "../node/files";
import { writeOutput } from "./atomic";
import type { CheckedReport } from "./digest";
import { listFindings, reportName } from "./listing";
import { UsageError } from "./args";

/**
 * `check --format docx -o 审核意见.docx`: a 审核意见 per report
 * (docx/opinion.ts). One report: -o names the file; several (a folder): -o
 * names a folder, which gets one document per report, named after it.
 */

/** The parts of a report the findings are grouped by, from each rule's category. */
const PARTS = [
  { title: "结构", categories: ["structure"] },
  { title: "统计表", categories: ["table"] },
  { title: "文字", categories: ["narrative", "style"] },
  { title: "与上一年度报告对照", categories: ["cross-year"] },
];

function opinionParts(report: CheckedReport, locale: Locale): OpinionPart[] {
  const listed = listFindings(report, locale);
  const part = (rule: string) => PARTS.findIndex((p) => p.categories.includes(ruleById(rule)?.category ?? "structure"));
  return PARTS.map((p, i) => ({ title: p.title, items: listed.filter((f) => part(f.finding.rule) === i) }));
}

export async function writeOpinions(reports: CheckedReport[], output: string, paths: string[], locale: Locale): Promise<void> {
  const { opinionDocx } = await loadDocx();
  const single = paths.length === 1 && reports.length === 1 && !isFolder(paths[0]);
  if (!single) mkdirSync(output, { recursive: true });
  else if (isFolder(output)) throw new UsageError(`-o 应为文件 / -o must name a file: ${output}`);
  const names = new Set<string>();
  for (const report of reports) {
    const docx = await opinionDocx({ report: reportName(report), file: shownPath(report.file), parts: opinionParts(report, locale), excluded: report.excluded ?? 0 });
    writeOutput(single ? output : join(output, uniqueName(basename(report.file, extname(report.file)), names)), docx);
  }
}

/** A report's document name; reports of the same name in different folders get -2, -3, … */
function uniqueName(stem: string, taken: Set<string>): string {
  let name = `${stem}-审核意见.docx`;
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}-审核意见.docx`;
  taken.add(name);
  return name;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
