import { writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import type { Stats } from "./stats";

/** One line of the results: our figure, the peer's on the same input when there is one, and the target. */
export interface Figure {
  group: string;
  name: string;
  unit: "ms" | "MB" | "×";
  ours: Stats;
  peer?: Stats;
  /** The target of issue 6, in words, and whether it is met. */
  target?: { text: string; met: boolean };
  note?: string;
}

/** A figure whose value is one number (a ratio, a memory size): median = p95 = the value. */
export const single = (value: number): Stats => ({ median: value, p95: value, runs: 1 });

export const ratioOf = (f: Figure): number | undefined => (f.peer ? f.ours.median / f.peer.median : undefined);

const num = (n: number | undefined) => (n === undefined ? "" : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n >= 1 ? n.toFixed(2) : n.toFixed(3));

export function printTable(figures: Figure[]): string {
  const header = ["figure", "unit", "ours median", "ours p95", "peer median", "ratio", "target", "met", "note"];
  const rows = figures.map((f) => [
    `${f.group}: ${f.name}`,
    f.unit,
    num(f.ours.median),
    f.ours.runs > 1 ? num(f.ours.p95) : "",
    num(f.peer?.median),
    num(ratioOf(f)),
    f.target?.text ?? "",
    f.target ? (f.target.met ? "yes" : "NO") : "",
    f.note ?? "",
  ]);
  // Width in terminal columns: CJK characters take two.
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 5 ? " ".repeat(widths[i] - width(c)) + c : c + " ".repeat(widths[i] - width(c)))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  node: string;
  /** Load average (1, 5, 15 min) when the run started: other work on the machine skews absolute figures. */
  loadAtStart: number[];
  date: string;
}

export function machine(): Machine {
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
    date: new Date().toISOString(),
  };
}

export function writeResults(path: string, at: Machine, figures: Figure[]): void {
  const json = {
    machine: at,
    loadAtEnd: loadavg().map((l) => Math.round(l * 100) / 100),
    figures: figures.map((f) => ({ ...f, ratio: ratioOf(f) })),
  };
  writeFileSync(path, JSON.stringify(json, null, 2) + "\n");
}
