/**
 * Timing statistics. Every figure is a distribution (median and p95), never a
 * single run: the machine is shared and one run says little.
 */

export interface Stats {
  median: number;
  p95: number;
  runs: number;
}

export function summarize(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95), runs: sorted.length };
}

export interface Repetitions {
  warmup: number;
  runs: number;
}

/** Milliseconds one call takes. */
export function timeOnce(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Times one function alone (when a peer is too slow to run as often). */
export function measureSync(fn: () => unknown, reps: Repetitions): Stats {
  for (let i = 0; i < reps.warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < reps.runs; i++) samples.push(timeOnce(fn));
  return summarize(samples);
}

/**
 * Times ours and the peer's function alternately, call by call, so that a
 * change in the machine's load hits both sides alike and the ratio holds.
 */
export function compareSync(ours: () => unknown, peer: () => unknown, reps: Repetitions): { ours: Stats; peer: Stats } {
  for (let i = 0; i < reps.warmup; i++) {
    ours();
    peer();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < reps.runs; i++) {
    a.push(timeOnce(ours));
    b.push(timeOnce(peer));
  }
  return { ours: summarize(a), peer: summarize(b) };
}

/** The asynchronous counterpart of compareSync (child processes, LSP round trips). */
export async function compareAsync(ours: () => Promise<unknown>, peer: () => Promise<unknown>, reps: Repetitions): Promise<{ ours: Stats; peer: Stats }> {
  for (let i = 0; i < reps.warmup; i++) {
    await ours();
    await peer();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < reps.runs; i++) {
    a.push(await timeAsync(ours));
    b.push(await timeAsync(peer));
  }
  return { ours: summarize(a), peer: summarize(b) };
}

export async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}
