/// <reference lib="dom" />
import { renderReportHtml } from "../core";
import { exportDocx } from "../docx";
import { checkDrafts, fixReport, readDropped, type Draft, type PageReport, type Unreadable } from "./reports";
import { findingsHtml, summaryHtml } from "./view";

/**
 * The offline page's behaviour: files dropped or chosen, or text pasted, are
 * checked in the page; the current report is shown as the preview shows it
 * (core/render) beside its findings; the safe fixes, the fixed text and the
 * Word document are one button each. Nothing is sent anywhere: downloads are
 * made from blobs in the page.
 */

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const state: { reports: PageReport[]; unreadable: Unreadable[]; current: number } = { reports: [], unreadable: [], current: 0 };

const PASTED = "粘贴的报告";

function status(text: string, problem = false): void {
  const el = $("gr-status");
  el.textContent = text;
  el.classList.toggle("gr-problem", problem);
}

function show(): void {
  const { reports, unreadable, current } = state;
  const summary = $("gr-summary-area");
  summary.hidden = reports.length + unreadable.length < 2;
  summary.innerHTML = summary.hidden ? "" : summaryHtml(reports, unreadable);
  summary.querySelectorAll("tr[data-report]").forEach((tr) => tr.classList.toggle("gr-selected", Number(tr.getAttribute("data-report")) === current));
  const report = reports[current];
  $("gr-actions").hidden = $("gr-workspace").hidden = !report;
  if (!report) return;
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.filter((f) => f.severity === "warning").length;
  const compared = report.previous ? `（已对照上一年度报告 ${report.previous.name}）` : "";
  $("gr-preview-title").textContent = `${report.name}：${errors} 个错误，${warnings} 个警告${compared}`;
  $("gr-preview").innerHTML = renderReportHtml(report.model, report.findings, "zh-cn");
  $("gr-findings").innerHTML = `<h2>检查结果（按报告部分）</h2>\n${findingsHtml(report)}`;
}

function load(drafts: Draft[], unreadable: Unreadable[]): void {
  state.reports = checkDrafts(drafts);
  state.unreadable = unreadable;
  state.current = 0;
  show();
  status(unreadable.length && !drafts.length ? unreadable.map((u) => `${u.name}：${u.problem.zh}`).join("；") : "", unreadable.length > 0 && !drafts.length);
}

function loadFiles(files: File[]): void {
  if (files.length) readFiles(files).catch((e: Error) => status(`读取失败：${e.message}`, true));
}

async function readFiles(files: File[]): Promise<void> {
  status("正在读取……");
  const read = await Promise.all(files.map(async (f) => readDropped({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  // The pasted text is no longer what the page shows.
  $<HTMLTextAreaElement>("gr-paste").value = "";
  load(read.filter((r): r is Draft => "text" in r), read.filter((r): r is Unreadable => "problem" in r));
}

/** The report element that shows a line: the innermost one whose lines include it. */
function reveal(line: number): void {
  const blocks = Array.from($("gr-preview").querySelectorAll<HTMLElement>("[data-line]"));
  const target = blocks.reverse().find((el) => Number(el.dataset.line) <= line && line <= Number(el.dataset.endLine ?? el.dataset.line));
  if (!target) return;
  target.scrollIntoView({ block: "center" });
  target.classList.add("gr-flash");
  setTimeout(() => target.classList.remove("gr-flash"), 1200);
}

function download(name: string, data: BlobPart, type: string): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([data], { type }));
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

const stem = (name: string) => (name.includes(".") ? name.slice(0, name.lastIndexOf(".")) : name);

function applyFixes(): void {
  const report = state.reports[state.current];
  const { report: fixed, fixedByRule } = fixReport(report);
  state.reports[state.current] = fixed;
  show();
  const count = Object.values(fixedByRule).reduce((a, b) => a + b, 0);
  status(count ? `已修正 ${count} 处（只改写法，不改数字）：${Object.entries(fixedByRule).map(([rule, n]) => `${rule} ${n}`).join("，")}` : "没有可以自动修正的问题。");
}

function saveText(): void {
  const report = state.reports[state.current];
  // With the UTF-8 mark, so that older Notepads read it as UTF-8 too.
  download(`${stem(report.name)}.txt`, "\ufeff" + report.text, "text/plain;charset=utf-8");
}

async function saveWord(): Promise<void> {
  const report = state.reports[state.current];
  const result = await exportDocx(report.text, { force: $<HTMLInputElement>("gr-force").checked, previous: report.previous?.model });
  if (!result.exported) {
    status(`报告还有 ${result.errors.length} 个错误，未导出 Word。请先改正，或勾选“有错误时也导出 Word”。`, true);
    return;
  }
  download(`${stem(report.name)}.docx`, result.docx as Uint8Array<ArrayBuffer>, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  status("已生成 Word 文档。");
}

function wire(): void {
  const drop = $("gr-drop");
  // Anywhere on the page: a file dropped outside the zone would otherwise be opened by the browser in place of the page.
  for (const type of ["dragover", "drop"]) window.addEventListener(type, (e) => e.preventDefault());
  drop.addEventListener("dragover", () => drop.classList.add("gr-over"));
  drop.addEventListener("dragleave", () => drop.classList.remove("gr-over"));
  window.addEventListener("drop", (e) => {
    drop.classList.remove("gr-over");
    loadFiles(Array.from((e as DragEvent).dataTransfer?.files ?? []));
  });
  $<HTMLInputElement>("gr-files").addEventListener("change", (e) => loadFiles(Array.from((e.target as HTMLInputElement).files ?? [])));
  let pending: ReturnType<typeof setTimeout> | undefined;
  $<HTMLTextAreaElement>("gr-paste").addEventListener("input", (e) => {
    clearTimeout(pending);
    const text = (e.target as HTMLTextAreaElement).value;
    pending = setTimeout(() => (text.trim() ? load([{ name: PASTED, text }], []) : load([], [])), 300);
  });
  $("gr-summary-area").addEventListener("click", (e) => {
    const open = (e.target as HTMLElement).closest<HTMLElement>(".gr-open");
    if (!open) return;
    state.current = Number(open.dataset.report);
    show();
  });
  const follow = (e: Event) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>(".gr-finding-item");
    if (item && !(e.target as HTMLElement).closest("summary")) reveal(Number(item.dataset.line));
  };
  $("gr-findings").addEventListener("click", follow);
  $("gr-findings").addEventListener("keydown", (e) => e.key === "Enter" && follow(e));
  $("gr-fix").addEventListener("click", applyFixes);
  $("gr-save-text").addEventListener("click", saveText);
  $("gr-save-word").addEventListener("click", () => void saveWord().catch((e: Error) => status(`导出失败：${e.message}`, true)));
}

wire();
