/**
 * The README's short performance table, made from bench/results.json (what
 * `npm run bench` writes): one row per figure a reader asks about, our median
 * beside the peer's on the same input and the ratio of the two. A figure
 * measured on several inputs (the five samples) is one row with the range.
 */
import type { Figure } from "../bench/report";

interface Results {
  machine: { cpu: string; cores: number; memoryGB: number; node: string; date: string };
  figures: (Figure & { ratio?: number })[];
}

interface Row {
  label: string;
  group: string;
  /** Which of the group's figures the row shows. */
  name: RegExp;
}

const ROWS: Row[] = [
  { label: "检查一份报告（5 份样稿）<br>check one report (5 samples)", group: "check", name: /^\d{3} / },
  { label: "检查 1 MB 草稿<br>check a 1 MB draft", group: "check", name: /^synthetic 1 MB draft$/ },
  { label: "命令行检查 1,000 个文件<br>CLI on 1,000 files", group: "batch", name: /\(default threads\)$/ },
  { label: "编辑样稿：修改 → 诊断<br>typing into a sample", group: "lsp", name: /^200 edits into 004/ },
  { label: "编辑 1 MB 草稿：修改 → 诊断<br>typing into the 1 MB draft", group: "lsp", name: /^200 edits into the 1 MB draft/ },
  { label: "语言服务器启动 → 首批诊断<br>server start → first diagnostics", group: "startup", name: /^server spawn → first diagnostics/ },
  { label: "打开 100 份报告时的内存<br>server memory, 100 reports open", group: "memory", name: /^server RSS, 100 reports open$/ },
];

/** What each group's figures are compared with (bench/figures/check.ts, batch.ts). */
const PEERS: Record<string, string> = { check: "markdownlint", batch: "markdownlint-cli2" };

function amount(value: number, unit: Figure["unit"]): string {
  if (unit === "MB") return `${Math.round(value)}`;
  if (unit === "×") return value.toPrecision(2);
  if (value >= 1000) return (value / 1000).toFixed(2);
  return value >= 10 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(2);
}

const unitOf = (value: number, unit: Figure["unit"]) => (unit === "ms" && value >= 1000 ? "s" : unit);

/** One value, or the range of several, with its unit: `96 ms`, `0.63–0.92 ms`. */
function spread(values: number[], unit: Figure["unit"]): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const shown = amount(low, unit) === amount(high, unit) ? amount(low, unit) : `${amount(low, unit)}–${amount(high, unit)}`;
  return unit === "×" ? shown : `${shown} ${unitOf(high, unit)}`;
}

function cells(row: Row, figures: Results["figures"]): string[] {
  const picked = figures.filter((f) => f.group === row.group && row.name.test(f.name));
  if (!picked.length) throw new Error(`bench/results.json has no ${row.group} figure matching ${row.name}`);
  const { unit } = picked[0];
  const ours = spread(picked.map((f) => f.ours.median), unit);
  // The 95th percentile where the target is set on it (editing latency); elsewhere the median says it.
  const p95 = picked.length === 1 && picked[0].target?.text.startsWith("p95") ? `（p95 ${spread([picked[0].ours.p95], unit)}）` : "";
  const peers = picked.flatMap((f) => (f.peer ? [f.peer.median] : []));
  const ratios = picked.flatMap((f) => (f.ratio === undefined ? [] : [f.ratio]));
  return [
    row.label,
    ours + p95,
    peers.length ? `${PEERS[row.group] ?? ""} ${spread(peers, unit)}`.trim() : "—",
    ratios.length ? spread(ratios, "×") : "—",
  ];
}

export function performanceTable(results: Results): string {
  const { machine } = results;
  const when = `${machine.date.slice(0, 10)}，${machine.cpu} × ${machine.cores}，${machine.memoryGB} GB，Node ${machine.node}`;
  return [
    "| 指标 figure | 本工具 ours | 对照 peer | 比值 ratio |",
    "|---|---|---|---|",
    ...ROWS.map((row) => `| ${cells(row, results.figures).join(" | ")} |`),
    "",
    `中位数；比值 = 本工具 ÷ 对照 / medians; ratio = ours ÷ peer. \`npm run bench\`，${when}.`,
  ].join("\n");
}
