import { randomBytes } from "node:crypto";
import { inflateRawSync } from "node:zlib";
import { escapeHtml, groupFindings, localized, pick, quotedText, REPORT_CSS, type Finding, type FindingGroup, type Locale, type Localized, type ReviewDecision } from "../core";
import { shownPath } from "../node/files";
import { quotedLines, type CheckedReport, type ReviewExtract } from "./digest";
import { SEVERITY_NAMES } from "./listing";
import type { FileResult } from "./output";
import { bySeverityThenPlace, SUMMARY_COLUMNS, summaryLines, summaryTotal, type SummaryLine } from "./summary";

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
 * It is made in pieces, a report's section at a time, to be written as they
 * are made: the page of 20,000 reports is about 1 GB, more than one string
 * can hold.
 *
 * Decisions: each finding (gr-finding-item with data-fingerprint) has the
 * buttons 已确认 and 不是问题 (with a reason). They change the page only; the
 * page writes nothing itself: 下载审核记录 saves the decisions — those of the
 * review files read by check (#gr-review-data) updated with the
 * page's — as a JSON file to be put beside the reports as .govreport-review.json,
 * and 载入审核记录 reads such a file back into the page.
 */

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
.gr-decide { margin-left: 1.5em; font-size: 0.85em; }
.gr-decide input.gr-reason { width: 16em; }
.gr-decision { margin-left: 0.5em; font-weight: bold; }
.gr-finding-item[data-decision="accepted"] > .gr-decide .gr-decision { color: #2e7d32; }
.gr-finding-item[data-decision="dismissed"] { opacity: 0.6; }
.gr-review-bar { margin: 1em 0; }
`;

/**
 * The decisions: buttons mark a finding in the page, the download button
 * saves every decision as the review file's JSON, the file input reads one
 * back. Nothing reaches the disk but through the browser's download.
 */
const DECISION_SCRIPT = `
(function () {
  var data = document.getElementById("gr-review-data");
  var seed = JSON.parse(data.getAttribute("data-decisions"));
  var labels = JSON.parse(data.getAttribute("data-labels"));
  var decisions = {};
  seed.forEach(function (d) { decisions[d.fingerprint] = d; });
  var items = document.querySelectorAll(".gr-finding-item[data-fingerprint]");
  function show(li) {
    var d = decisions[li.getAttribute("data-fingerprint")];
    li.setAttribute("data-decision", d ? d.decision : "");
    li.querySelector(".gr-decision").textContent = d ? labels[d.decision] + (d.reason ? "：" + d.reason : "") : "";
    if (d && d.reason) li.querySelector(".gr-reason").value = d.reason;
  }
  function decide(li, decision) {
    var fp = li.getAttribute("data-fingerprint");
    var old = decisions[fp];
    var reason = li.querySelector(".gr-reason").value.trim();
    if (old && old.decision === decision && (decision === "accepted" || old.reason === reason)) delete decisions[fp];
    else {
      var d = { fingerprint: fp, decision: decision, rule: li.getAttribute("data-rule"), report: li.getAttribute("data-report"), quote: li.getAttribute("data-quote") };
      if (decision === "dismissed" && reason) d.reason = reason;
      decisions[fp] = d;
    }
    show(li);
  }
  items.forEach(function (li) {
    li.querySelector(".gr-accept").addEventListener("click", function () { decide(li, "accepted"); });
    li.querySelector(".gr-dismiss").addEventListener("click", function () { decide(li, "dismissed"); });
    show(li);
  });
  document.getElementById("gr-download").addEventListener("click", function () {
    var list = Object.keys(decisions).map(function (k) { return decisions[k]; }).sort(function (a, b) {
      return (a.report || "").localeCompare(b.report || "") || (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0);
    });
    var blob = new Blob([JSON.stringify({ version: 1, decisions: list }, null, 2) + "\\n"], { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = ".govreport-review.json";
    document.body.appendChild(a);
    a.click();
    a.remove();
  });
  document.getElementById("gr-load").addEventListener("change", function (e) {
    var file = e.target.files[0];
    if (!file) return;
    file.text().then(function (text) {
      var data = JSON.parse(text);
      (data.decisions || []).forEach(function (d) { if (d && d.fingerprint) decisions[d.fingerprint] = d; });
      items.forEach(show);
    });
  });
})();
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

/** The data the decision script starts from, as JSON in attributes of an element it reads: the page's one script stays its only one. */
function decisionData(decisions: readonly ReviewDecision[], locale: Locale): string {
  const labels = { accepted: say(locale, "已确认", "accepted"), dismissed: say(locale, "不是问题", "not a problem") };
  return `<div id="gr-review-data" hidden data-decisions="${escapeHtml(JSON.stringify(decisions))}" data-labels="${escapeHtml(JSON.stringify(labels))}"></div>`;
}

/** The page in pieces, in order: the head and the summary, each report's section, the end. */
export function* htmlPage(reports: CheckedReport[], problems: FileResult[], locale: Locale, decisions: readonly ReviewDecision[] = []): Generator<string> {
  const nonce = randomBytes(16).toString("base64");
  const title = escapeHtml(pick(TITLE, locale));
  const lines = summaryLines(reports, locale);
  yield `<!doctype html>
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
${reviewBar(locale)}
`;
  for (const [i, line] of lines.entries()) yield (i ? "\n" : "") + reportSection(line, i, locale);
  yield `
${decisionData(decisions, locale)}
<script nonce="${nonce}">${SORT_SCRIPT}${DECISION_SCRIPT}</script>
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

function reviewBar(locale: Locale): string {
  const t = (zh: string, en: string) => escapeHtml(say(locale, zh, en));
  return (
    `<p class="gr-review-bar"><button type="button" id="gr-download">${t("下载审核记录", "Download decisions")}</button> ` +
    `<label>${t("载入审核记录", "Load decisions")} <input type="file" id="gr-load" accept=".json,application/json"></label> ` +
    `<span>${t("下载的文件放在报告所在文件夹，命名为 .govreport-review.json，check 即按其排除或标记问题。", "Put the downloaded file beside the reports as .govreport-review.json; check then leaves out or marks the findings.")}</span></p>`
  );
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
  const decidable = decidableOf(report);
  const findings = report.findings.length
    ? `<ol class="gr-findings">\n${groupFindings(bySeverityThenPlace(report.findings), report.digest.tables ?? [])
        .map(({ finding, group }) => (finding ? findingItem(review.quoted, finding, decidable, locale) : groupItem(group, review.quoted, decidable, locale)))
        .join("\n")}\n</ol>`
    : `<p class="gr-clean">${t("未发现问题。", "No problems found.")}</p>`;
  const tables = inflateRawSync(review.tables).toString("utf8");
  const details = tables ? `<details><summary>${t("统计表（有问题的单元格已标出）", "Tables (cells in question outlined)")}</summary>\n${tables}\n</details>` : "";
  return `<section class="gr-review" id="report-${index + 1}">\n<h2>${escapeHtml(heading)}</h2>\n${previous}\n${findings}\n${details}\n</section>`;
}

/** A finding's attributes for a decision (its fingerprint, rule, report and quoted text): none without a fingerprint. */
type Decidable = (f: Finding, quoted: ReviewExtract["quoted"]) => string;

function decidableOf(report: CheckedReport): Decidable {
  const prints = new Map(report.findings.map((f, i) => [f, report.fingerprints?.[i]]));
  return (f, quoted) => {
    const fingerprint = prints.get(f);
    if (!fingerprint) return "";
    const quote = quotedText(Object.assign([], quoted), f);
    return ` data-fingerprint="${fingerprint}" data-rule="${escapeHtml(f.rule)}" data-report="${escapeHtml(shownPath(report.file))}" data-quote="${escapeHtml(quote)}"`;
  };
}

function decisionButtons(locale: Locale): string {
  const t = (zh: string, en: string) => escapeHtml(say(locale, zh, en));
  return (
    `<div class="gr-decide"><button type="button" class="gr-accept">${t("已确认", "Accept")}</button> ` +
    `<button type="button" class="gr-dismiss">${t("不是问题", "Not a problem")}</button> ` +
    `<input type="text" class="gr-reason" placeholder="${t("理由", "reason")}"><span class="gr-decision"></span></div>`
  );
}

function findingItem(quoted: ReviewExtract["quoted"], f: Finding, decidable: Decidable, locale: Locale): string {
  const attributes = decidable(f, quoted);
  const buttons = attributes ? decisionButtons(locale) : "";
  return `<li class="gr-finding-item gr-${f.severity}"${attributes}>${findingLine(f, f.severity, f.message, locale)}${quote(quoted, f)}${buttons}</li>`;
}

/** Severity, line, message and rule of a finding, or of a group at its first member. */
function findingLine(f: Finding, severity: Finding["severity"], message: Localized, locale: Locale): string {
  const where = say(locale, `第 ${f.range.start.line + 1} 行`, `line ${f.range.start.line + 1}`);
  return (
    `<span class="gr-severity">${pick(SEVERITY_NAMES[severity], locale)}</span> ` +
    `<span class="gr-location">${where}</span> ${escapeHtml(pick(message, locale))} <code class="gr-rule">${escapeHtml(f.rule)}</code>`
  );
}

/** A table's findings of one rule (core/group.ts): the group's line, which opens onto every member; the tables below outline the cells. */
function groupItem(group: FindingGroup<Finding>, quoted: ReviewExtract["quoted"], decidable: Decidable, locale: Locale): string {
  const members = group.members.map((f) => {
    const attributes = decidable(f, quoted);
    return `<li class="gr-finding-item gr-${f.severity}"${attributes}>${findingLine(f, f.severity, f.message, locale)}${attributes ? decisionButtons(locale) : ""}</li>`;
  });
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
