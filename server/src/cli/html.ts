import { randomBytes } from "node:crypto";
import { escapeHtml, groupFindings, localized, pick, REPORT_CSS, type Finding, type FindingGroup, type Locale, type Localized } from "../core";
import { quotedLines, type CheckedReport, type ReviewExtract } from "./digest";
import type { FileResult } from "./output";
import { SUMMARY_COLUMNS, summaryLines, summaryTotal, type SummaryLine } from "./summary";

/**
 * `check --format html`: a self-contained review page for a supervising
 * office — the summary table (sortable by clicking a header), then each
 * report's findings with the offending lines quoted, and its statistics
 * tables with the cells in question outlined. No remote resources; the one
 * small script and the styles run under a CSP nonce; all document text is escaped.
 *
 * Classes: gr-summary (the table; rows link to #report-N), gr-review (one
 * report), gr-findings > gr-finding-item gr-error|gr-warning|…, gr-quote (the
 * quoted lines, the range in <mark>), gr-problems (unreadable files). A
 * table's findings of one rule are one gr-finding-item gr-group: a <details>
 * whose summary is the group's line and whose gr-members list every finding.
 *
 * The page is rendered from each report's findings and its ReviewExtract
 * (digest.ts), not from its model: the model stays in the thread that checked it.
 */

const SEVERITY: Record<Finding["severity"], Localized> = {
  error: localized("错误", "error"),
  warning: localized("警告", "warning"),
  info: localized("提示", "info"),
  hint: localized("提示", "hint"),
};

const TITLE = localized("政府信息公开工作年度报告检查结果", "Review of government information disclosure annual reports");

const say = (locale: Locale, zh: string, en: string) => pick(localized(zh, en), locale);

const PAGE_CSS = `
body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 2em; color: #1b1b1b; }
table.gr-summary { border-collapse: collapse; margin: 1em 0; }
table.gr-summary th, table.gr-summary td { border: 1px solid #999; padding: 0.25em 0.6em; }
table.gr-summary th { background: #eee; cursor: pointer; user-select: none; }
table.gr-summary th[aria-sort="ascending"]::after { content: " ▲"; }
table.gr-summary th[aria-sort="descending"]::after { content: " ▼"; }
table.gr-summary td.gr-numeric { text-align: right; }
section.gr-review { border-top: 1px solid #ccc; margin-top: 2em; }
.gr-finding-item { margin: 0.6em 0; }
.gr-finding-item .gr-severity { font-weight: bold; }
.gr-finding-item.gr-error .gr-severity { color: #c62828; }
.gr-finding-item.gr-warning .gr-severity { color: #a66b00; }
.gr-rule { color: #666; font-size: 0.85em; }
.gr-quote { tab-size: 4; overflow-x: auto; margin: 0.3em 0 0 1.5em; padding: 0.3em 0.6em; background: #f6f6f6; border-left: 3px solid #bbb; white-space: pre-wrap; font-family: ui-monospace, monospace; }
.gr-quote mark { background: #ffe08a; }
.gr-group > details > summary { cursor: pointer; }
.gr-members { font-size: 0.9em; }
`;

/** Sorts the summary table by the clicked column: numbers by value, text by the Chinese collation. */
const SORT_SCRIPT = `
document.querySelectorAll("table.gr-summary th").forEach(function (th, col) {
  th.addEventListener("click", function () {
    var table = th.closest("table"), body = table.tBodies[0];
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var key = function (tr) { return tr.cells[col].getAttribute("data-sort") || tr.cells[col].textContent; };
    var rows = Array.prototype.slice.call(body.rows).sort(function (a, b) {
      var x = key(a), y = key(b), nx = parseFloat(x), ny = parseFloat(y);
      var c = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y, "zh-CN");
      return ascending ? c : -c;
    });
    rows.forEach(function (tr) { body.appendChild(tr); });
  });
});
`;

export function toHtml(reports: CheckedReport[], problems: FileResult[], locale: Locale): string {
  const nonce = randomBytes(16).toString("base64");
  const title = escapeHtml(pick(TITLE, locale));
  const lines = summaryLines(reports);
  return `<!doctype html>
<html lang="${locale === "en" ? "en" : "zh-CN"}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'">
<title>${title}</title>
<style nonce="${nonce}">${REPORT_CSS}${PAGE_CSS}</style>
</head>
<body>
<h1>${title}</h1>
<p class="gr-total">${escapeHtml(summaryTotal(lines, locale))}</p>
${summaryTable(lines, locale)}
${problemList(problems, locale)}
${lines.map((l, i) => reportSection(l, i, locale)).join("\n")}
<script nonce="${nonce}">${SORT_SCRIPT}</script>
</body>
</html>
`;
}

function summaryTable(lines: SummaryLine[], locale: Locale): string {
  const head = SUMMARY_COLUMNS.map((c) => `<th scope="col">${escapeHtml(pick(c.title, locale))}</th>`).join("");
  const rows = lines.map((l, i) => {
    const cells = l.cells.map((text, c) => {
      const numeric = SUMMARY_COLUMNS[c].numeric;
      const content = c === 0 ? `<a href="#report-${i + 1}">${escapeHtml(text)}</a>` : escapeHtml(text);
      return `<td${numeric ? ' class="gr-numeric"' : ""}${c === 0 ? ` data-sort="${escapeHtml(text)}"` : ""}>${content}</td>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<table class="gr-summary">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>`;
}

function problemList(problems: FileResult[], locale: Locale): string {
  if (!problems.length) return "";
  const items = problems.map((p) => `<li><code>${escapeHtml(p.file)}</code>：${escapeHtml(p.problem ?? "")}</li>`);
  return `<h2>${say(locale, "无法检查的文件", "Files that could not be checked")}</h2>\n<ul class="gr-problems">\n${items.join("\n")}\n</ul>`;
}

function reportSection(line: SummaryLine, index: number, locale: Locale): string {
  const { report, summary } = line;
  const review = report.digest.review!;
  const t = (zh: string, en: string) => say(locale, zh, en);
  const heading = [report.file, summary.organ, summary.year].filter((x) => x !== undefined).join(" · ");
  const previous = report.previous
    ? `<p class="gr-previous">${t("对照上一年度报告", "Compared with last year's report")}：<code>${escapeHtml(report.previous)}</code></p>`
    : "";
  const findings = report.findings.length
    ? `<ol class="gr-findings">\n${groupFindings(report.findings, report.digest.tables)
        .map(({ finding, group }) => (finding ? findingItem(review.quoted, finding, locale) : groupItem(group, locale)))
        .join("\n")}\n</ol>`
    : `<p class="gr-clean">${t("未发现问题。", "No problems found.")}</p>`;
  const tables = review.tables.join("\n");
  const details = tables ? `<details><summary>${t("统计表（有问题的单元格已标出）", "Tables (cells in question outlined)")}</summary>\n${tables}\n</details>` : "";
  return `<section class="gr-review" id="report-${index + 1}">\n<h2>${escapeHtml(heading)}</h2>\n${previous}\n${findings}\n${details}\n</section>`;
}

function findingItem(quoted: ReviewExtract["quoted"], f: Finding, locale: Locale): string {
  return `<li class="gr-finding-item gr-${f.severity}">${findingLine(f, f.severity, f.message, locale)}${quote(quoted, f)}</li>`;
}

/** Severity, line, message and rule of a finding, or of a group at its first member. */
function findingLine(f: Finding, severity: Finding["severity"], message: Localized, locale: Locale): string {
  const where = say(locale, `第 ${f.range.start.line + 1} 行`, `line ${f.range.start.line + 1}`);
  return (
    `<span class="gr-severity">${pick(SEVERITY[severity], locale)}</span> ` +
    `<span class="gr-location">${where}</span> ${escapeHtml(pick(message, locale))} <code class="gr-rule">${escapeHtml(f.rule)}</code>`
  );
}

/** A table's findings of one rule (core/group.ts): the group's line, which opens onto every member; the tables below outline the cells. */
function groupItem(group: FindingGroup<Finding>, locale: Locale): string {
  const members = group.members.map((f) => `<li class="gr-finding-item gr-${f.severity}">${findingLine(f, f.severity, f.message, locale)}</li>`);
  return (
    `<li class="gr-finding-item gr-group gr-${group.severity}"><details><summary>${findingLine(group.members[0], group.severity, group.message, locale)}</summary>\n` +
    `<ol class="gr-members">\n${members.join("\n")}\n</ol></details></li>`
  );
}

/** The offending lines as written, the finding's range marked. */
function quote(lines: ReviewExtract["quoted"], f: Finding): string {
  const { start, end } = f.range;
  const quoted = quotedLines(f).map((i) => {
    const text = lines[i];
    const from = i === start.line ? start.character : 0;
    const to = i === end.line ? end.character : text.length;
    return escapeHtml(text.slice(0, from)) + (to > from ? `<mark>${escapeHtml(text.slice(from, to))}</mark>` : "") + escapeHtml(text.slice(to));
  });
  return quoted.some((q) => q.trim()) ? `<blockquote class="gr-quote">${quoted.join("\n")}</blockquote>` : "";
}
