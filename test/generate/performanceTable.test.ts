import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Figure } from "../../bench/report";
import { performanceTable } from "../../scripts/performanceTable";

/** The README's performance table as made from bench/results.json. */

const machine = { cpu: "Test CPU", cores: 2, memoryGB: 8, node: "v20.0.0", date: "2026-01-02T03:04:05.000Z" };
const stats = (median: number, p95 = median, runs = 10) => ({ median, p95, runs });

function figure(group: string, name: string, ours: number, peer?: number, extra: Partial<Figure> = {}): Figure & { ratio?: number } {
  return { group, name, unit: "ms", ours: stats(ours, ours * 2), ...(peer ? { peer: stats(peer), ratio: ours / peer } : {}), ...extra };
}

const figures = [
  figure("check", "000 (2.8k chars)", 0.6, 4),
  figure("check", "001 (2.5k chars)", 0.9, 6),
  figure("check", "synthetic 1 MB draft", 96, 4318),
  figure("batch", "CLI check, 1000 files (default threads)", 1140, 6500),
  figure("batch", "CLI check, 1000 files (other thread count)", 2014),
  figure("lsp", "200 edits into 004: didChange → diagnostics", 3.8, undefined, { target: { text: "p95 ≤ 15 ms", met: true } }),
  figure("lsp", "200 edits into the 1 MB draft: didChange → diagnostics", 87, undefined, { target: { text: "p95 ≤ 150 ms", met: true } }),
  figure("startup", "server spawn → first diagnostics (sample)", 152),
  { ...figure("memory", "server RSS, 100 reports open", 112.4), unit: "MB" as const },
];

const rowOf = (table: string, label: string) => table.split("\n").find((line) => line.startsWith(`| ${label}`));

describe("the README's performance table", () => {
  const table = performanceTable({ machine, figures });

  it("has one row per figure: a figure measured on several inputs shows their range", () => {
    assert.equal(rowOf(table, "检查一份报告"), "| 检查一份报告（5 份样稿）<br>check one report (5 samples) | 0.60–0.90 ms | markdownlint 4.0–6.0 ms | 0.15 |");
  });

  it("writes seconds from 1,000 ms on, names the peer and leaves out figures of other thread counts", () => {
    assert.equal(rowOf(table, "命令行"), "| 命令行检查 1,000 个文件<br>CLI on 1,000 files | 1.14 s | markdownlint-cli2 6.50 s | 0.18 |");
  });

  it("adds the 95th percentile where the target is set on it, and a dash where there is no peer", () => {
    assert.equal(rowOf(table, "编辑样稿"), "| 编辑样稿：修改 → 诊断<br>typing into a sample | 3.8 ms（p95 7.6 ms） | — | — |");
    assert.equal(rowOf(table, "语言服务器"), "| 语言服务器启动 → 首批诊断<br>server start → first diagnostics | 152 ms | — | — |");
    assert.equal(rowOf(table, "打开 100 份"), "| 打开 100 份报告时的内存<br>server memory, 100 reports open | 112 MB | — | — |");
  });

  it("names the run's date, machine and Node", () => {
    assert.match(table, /2026-01-02，Test CPU × 2，8 GB，Node v20\.0\.0/);
  });

  it("fails, naming the figure, when the results lack one", () => {
    assert.throws(() => performanceTable({ machine, figures: figures.filter((f) => f.group !== "memory") }), /memory figure/);
  });
});
