import { lint } from "markdownlint/sync";
import { checkText, parse, RULES } from "../../server/src/core";
import { repeatedDraft, syntheticDraft, type Sample } from "../drafts";
import { single, type Figure } from "../report";
import { compareSync, measureSync, summarize, type Repetitions, type Stats } from "../stats";

/** Figures 1 and 2: checking one report in process (parse + every rule), against markdownlint's default rules. */

const markdownlint = (text: string) => lint({ strings: { draft: text } });
const ours = (text: string) => checkText(text);

const kb = (bytes: number) => (bytes >= 1 << 20 ? `${bytes / (1 << 20)} MB` : `${bytes / 1024} KB`);

const SAMPLE_REPS: Repetitions = { warmup: 50, runs: 200 };
/**
 * Fewer runs as drafts grow. markdownlint is not run on 10 MB: it takes about
 * 100 s there (it grows 33× from 1 MB), longer than the rest of the benchmark.
 */
const SIZES: { bytes: number; reps: Repetitions; peerReps?: Repetitions }[] = [
  { bytes: 10 << 10, reps: { warmup: 20, runs: 200 }, peerReps: { warmup: 5, runs: 50 } },
  { bytes: 100 << 10, reps: { warmup: 5, runs: 50 }, peerReps: { warmup: 2, runs: 10 } },
  { bytes: 1 << 20, reps: { warmup: 3, runs: 15 }, peerReps: { warmup: 1, runs: 5 } },
  { bytes: 10 << 20, reps: { warmup: 1, runs: 5 } },
];

export function sampleFigures(samples: Sample[]): Figure[] {
  return samples.map((s) => {
    const { ours: o, peer } = compareSync(() => ours(s.text), () => markdownlint(s.text), SAMPLE_REPS);
    const ratio = o.median / peer.median;
    return {
      group: "check",
      name: `${s.name.slice(0, 3)} (${(s.text.length / 1000).toFixed(1)}k chars)`,
      unit: "ms",
      ours: o,
      peer,
      target: { text: "≤ 0.5 ms, ≤ 0.2×", met: o.median <= 0.5 && ratio <= 0.2 },
    };
  });
}

interface SizeResult {
  bytes: number;
  /** Lines of the draft: the reports it is made of differ in lines per byte (prose samples, tables one cell per line). */
  lines: number;
  ours: Stats;
  peer?: Stats;
  /**
   * Per rule: median milliseconds of the rule's own check on the parsed draft
   * (findings discarded), each sample repeating it for at least 1 ms. Timing
   * checkModel with the rule alone measured mostly checkModel's own per-line
   * work, at a resolution (0.01 ms on 10 KB) too coarse for a ratio.
   */
  rules: Map<string, number>;
}

/** Milliseconds per call of fn: each sample repeats it until 1 ms has passed; the median of `runs` samples. */
function perCall(fn: () => unknown, { warmup, runs }: Repetitions): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    let n = 0;
    let elapsed = 0;
    do {
      fn();
      n++;
      elapsed = performance.now() - start;
    } while (elapsed < 1);
    samples.push(elapsed / n);
  }
  return summarize(samples).median;
}

function measureSize(text: string, { bytes, reps, peerReps }: (typeof SIZES)[number]): SizeResult {
  const model = parse(text);
  const format = model.format.used;
  const ignore = () => undefined;
  const rules = new Map(
    RULES.filter((r) => !r.needsPrevious).map((r) => [r.id, perCall(() => r.check({ model, format, previous: undefined, report: ignore }), reps)]),
  );
  const peer = peerReps && measureSync(() => markdownlint(text), peerReps);
  return { bytes, lines: model.lines.length, ours: measureSync(() => ours(text), reps), peer, rules };
}

/**
 * The 1 MB draft of figure 1 (report variants one after another), the
 * scaling series of figure 2 (its first 10 KB repeated to each size), and the
 * growth per 10× (overall and of the worst rule).
 */
export function scalingFigures(samples: Sample[]): Figure[] {
  const size = (bytes: number) => SIZES.find((s) => s.bytes === bytes)!;
  const oneMB = measureSize(syntheticDraft(samples, 1 << 20), size(1 << 20));
  const unit = syntheticDraft(samples, 10 << 10);
  const results = SIZES.map((s) => measureSize(repeatedDraft(unit, s.bytes), s));
  const figures: Figure[] = [];
  figures.push({
    group: "check",
    name: "synthetic 1 MB draft",
    unit: "ms",
    ours: oneMB.ours,
    peer: oneMB.peer,
    target: { text: "≤ 50 ms, ≤ 0.2×", met: oneMB.ours.median <= 50 && oneMB.ours.median / oneMB.peer!.median <= 0.2 },
  });
  for (const r of results) {
    const repeats = `10 KB unit ×${Math.round(r.lines / results[0].lines)}`;
    figures.push({ group: "scaling", name: kb(r.bytes), unit: "ms", ours: r.ours, peer: r.peer, note: r.peer ? repeats : `${repeats}; peer not run (≈100 s)` });
  }
  for (let i = 1; i < results.length; i++) {
    const [a, b] = [results[i - 1], results[i]];
    const growth = b.ours.median / a.ours.median;
    figures.push({
      group: "scaling",
      name: `growth ${kb(a.bytes)} → ${kb(b.bytes)}`,
      unit: "×",
      ours: single(growth),
      peer: a.peer && b.peer && single(b.peer.median / a.peer.median),
      target: { text: "≤ 12×", met: growth <= 12 },
      note: `lines ×${(b.lines / a.lines).toFixed(1)}`,
    });
    const [rule, ruleGrowth] = worstRuleGrowth(a, b);
    figures.push({
      group: "scaling",
      name: `worst rule growth ${kb(a.bytes)} → ${kb(b.bytes)}`,
      unit: "×",
      ours: single(ruleGrowth),
      target: { text: "≤ 12×", met: ruleGrowth <= 12 },
      note: rule,
    });
  }
  return figures;
}

/** The rule whose time grows most from one size to the next; rules too fast to time (< 0.05 ms) are left out. */
function worstRuleGrowth(a: SizeResult, b: SizeResult): [string, number] {
  let worst: [string, number] = ["", 0];
  for (const [id, tb] of b.rules) {
    const ta = a.rules.get(id)!;
    if (tb < 0.05) continue;
    const growth = tb / Math.max(ta, 0.005);
    if (growth > worst[1]) worst = [id, growth];
  }
  return worst;
}
