import { escapeHtml, groupFindings, pick, reportFacts, summarize, summaryCells, SUMMARY_COLUMNS, tableExtents, type Finding, type FindingGroup, type Localized, type ReportModel } from "../core";
import { describeWordLocation } from "../docx/locations";
import type { PageReport, Unreadable } from "./reports";

/**
 * The page's lists, as HTML strings built from escaped text only: a report's
 * findings grouped by the part of the report they stand in, and for several
 * files the summary table of `check --summary`.
 *
 * Classes: gr-part (one part: its heading, then gr-findings), gr-finding-item
 * gr-error|gr-warning|… with data-line (0-based) for the preview to follow,
 * gr-group (a table's findings of one rule, core/group.ts), gr-summary.
 */

const SEVERITY: Record<Finding["severity"], string> = { error: "错误", warning: "警告", info: "提示", hint: "提示" };

interface Part {
  title: string;
  /** 0-based line where the part starts. */
  first: number;
}

/** The parts of a report: what stands before the first section heading, then each section under its heading as written. */
function parts(model: ReportModel): Part[] {
  const sections = model.sections.map((s) => ({ title: model.lines[s.range.start.line].text.trim(), first: s.range.start.line }));
  return [{ title: "标题和开头", first: 0 }, ...sections];
}

export function findingsHtml(report: PageReport): string {
  if (!report.findings.length) return `<p class="gr-clean">未发现问题。</p>`;
  const list = parts(report.model).map((part) => ({ part, items: [] as string[] }));
  const partOf = (line: number) => list.reduce((found, p) => (p.part.first <= line ? p : found), list[0]);
  for (const { finding, group } of groupFindings(report.findings, tableExtents(report.model))) {
    const first = finding ?? group.members[0];
    partOf(first.range.start.line).items.push(finding ? findingItem(report, finding) : groupItem(report, group));
  }
  return list
    .filter((p) => p.items.length)
    .map((p) => `<section class="gr-part"><h3>${escapeHtml(p.part.title)}<span class="gr-count">${p.items.length}</span></h3>\n<ol class="gr-findings">\n${p.items.join("\n")}\n</ol></section>`)
    .join("\n");
}

/** Where a finding stands: in Word for a Word report, else its line. */
function where(report: PageReport, f: Finding): string {
  const word = report.locate?.(f.range.start);
  return word ? pick(describeWordLocation(word), "zh-cn") : `第 ${f.range.start.line + 1} 行`;
}

function findingLine(report: PageReport, f: Finding, severity: Finding["severity"], message: Localized): string {
  return (
    `<span class="gr-severity">${SEVERITY[severity]}</span> <span class="gr-location">${escapeHtml(where(report, f))}</span> ` +
    `<span class="gr-message">${escapeHtml(message.zh)}</span>${f.fixes.some((x) => x.safe) ? ` <span class="gr-fixable">可自动修正</span>` : ""} <code class="gr-rule">${escapeHtml(f.rule)}</code>`
  );
}

function findingItem(report: PageReport, f: Finding): string {
  return `<li class="gr-finding-item gr-${f.severity}" data-line="${f.range.start.line}" data-rule="${escapeHtml(f.rule)}" tabindex="0">${findingLine(report, f, f.severity, f.message)}</li>`;
}

function groupItem(report: PageReport, group: FindingGroup<Finding>): string {
  const members = group.members.map((f) => findingItem(report, f));
  return (
    `<li class="gr-finding-item gr-group gr-${group.severity}" data-line="${group.firstLine}" data-rule="${escapeHtml(group.rule)}"><details><summary>${findingLine(report, group.members[0], group.severity, group.message)}</summary>\n` +
    `<ol class="gr-members">\n${members.join("\n")}\n</ol></details></li>`
  );
}

/** One line per report, as `check --summary`; each file name selects its report; unreadable files listed below. */
export function summaryHtml(reports: PageReport[], unreadable: Unreadable[]): string {
  const summaries = reports.map((r) => summarize(reportFacts(r.model), r.findings));
  const rows = reports.map((r, i) => {
    const [file, ...cells] = summaryCells(r.name, summaries[i], "zh-cn");
    const open = `<td><button type="button" class="gr-open" data-report="${i}">${escapeHtml(file)}</button></td>`;
    return `<tr data-report="${i}">${open}${cells.map((c, k) => `<td${SUMMARY_COLUMNS[k + 1].numeric ? ' class="gr-numeric"' : ""}>${escapeHtml(c)}</td>`).join("")}</tr>`;
  });
  const errors = summaries.filter((s) => s.errors > 0).length;
  const unbalanced = summaries.filter((s) => s.balance.kind === "unbalanced").length;
  const problems = unreadable.map((u) => `<li><code>${escapeHtml(u.name)}</code>：${escapeHtml(u.problem.zh)}</li>`);
  return (
    `<table class="gr-summary">\n<thead><tr>${SUMMARY_COLUMNS.map((c) => `<th scope="col">${c.title.zh}</th>`).join("")}</tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>\n` +
    `<p class="gr-total">共 ${reports.length} 份报告：${errors} 份有错误，${unbalanced} 份表三不平衡</p>` +
    (problems.length ? `\n<ul class="gr-problems">\n${problems.join("\n")}\n</ul>` : "")
  );
}
