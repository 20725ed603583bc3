import { availableParallelism } from "node:os";
import { setImmediate as nextTurn } from "node:timers/promises";
import { parentPort, Worker, workerData } from "node:worker_threads";
import { checkModel, parse, type Config, type Finding, type ReportIdentity } from "../core";
import { FileProblem, readDraft } from "./files";

/**
 * `check` on many files with every core: the files are handed out in small
 * batches, in order, to worker threads and to the main thread itself, and
 * the results are put back in the files' order, so the output is the serial
 * output. Workers check each report without last year's report; the few
 * reports that have one among the files are checked again afterwards on the
 * main thread (see commands/check.ts).
 */

export interface Job {
  file: string;
  config?: Config;
}

export type JobResult =
  | { file: string; problem: string }
  | { file: string; problem?: undefined; isReport: boolean; identity: ReportIdentity; findings: Finding[] };

/** Below this many files a worker costs more to start than it saves. */
export const PARALLEL_MIN_FILES = 64;
const BATCH = 16;

/** Threads to check with: every core; GOV_REPORT_THREADS overrides (1 checks serially). */
export function threadCount(): number {
  const env = Number(process.env.GOV_REPORT_THREADS);
  return Number.isInteger(env) && env >= 1 ? env : availableParallelism();
}

/** What the check command reports for a file it cannot read. */
export function readProblem(e: unknown): string {
  return e instanceof FileProblem ? e.message : `无法读取 / cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
}

/** Reads, parses and checks one file (without last year's report). */
export function checkFile(job: Job): JobResult {
  let model;
  try {
    model = parse(readDraft(job.file).text);
  } catch (e) {
    return { file: job.file, problem: readProblem(e) };
  }
  return {
    file: job.file,
    isReport: model.isReport,
    identity: { organ: model.organ, year: model.year },
    findings: checkModel(model, { config: job.config }),
  };
}

interface Batch {
  start: number;
  jobs: Job[];
}
type ToWorker = Batch | { stop: true };
type FromWorker = { ready: true } | { start: number; results: JobResult[] };

const WORKER_MARK = "gov-report-check-worker";

/** True in a worker thread started by checkFiles (main.ts then serves batches instead of running a command). */
export const isCheckWorker = (): boolean => parentPort !== null && workerData === WORKER_MARK;

export function serveBatches(): void {
  const port = parentPort!;
  port.on("message", (m: ToWorker) => {
    if ("stop" in m) return port.close();
    port.postMessage({ start: m.start, results: m.jobs.map(checkFile) } satisfies FromWorker);
  });
  port.postMessage({ ready: true } satisfies FromWorker);
}

/**
 * Checks the files with `threads` threads (the main thread and threads − 1
 * workers started from `script`, the CLI bundle). A worker that fails hands
 * its batch back; with no worker left the main thread checks the rest.
 */
export async function checkFiles(jobs: Job[], threads: number, script: string): Promise<JobResult[]> {
  const results = new Array<JobResult>(jobs.length);
  let next = 0;
  const take = (): Batch | undefined => {
    if (next >= jobs.length) return undefined;
    const batch = { start: next, jobs: jobs.slice(next, next + BATCH) };
    next += batch.jobs.length;
    return batch;
  };
  const requeued: Batch[] = [];
  const takeAny = () => requeued.pop() ?? take();
  const store = (start: number, rs: JobResult[]) => rs.forEach((r, i) => (results[start + i] = r));

  const running = Array.from({ length: Math.max(0, threads - 1) }, () => {
    return new Promise<void>((resolve) => {
      let inFlight: Batch | undefined;
      const worker = new Worker(script, { workerData: WORKER_MARK, argv: [], stdout: false, stderr: false });
      const send = () => {
        inFlight = takeAny();
        worker.postMessage(inFlight ?? ({ stop: true } satisfies ToWorker));
        if (!inFlight) resolve();
      };
      worker.on("message", (m: FromWorker) => {
        if ("results" in m) store(m.start, m.results);
        send();
      });
      const fail = () => {
        if (inFlight) requeued.push(inFlight);
        inFlight = undefined;
        resolve();
      };
      worker.on("error", fail);
      worker.on("exit", fail);
    });
  });

  // The main thread checks batches too, yielding between them so that workers get their next batch.
  for (let batch = takeAny(); batch; batch = takeAny()) {
    store(batch.start, batch.jobs.map(checkFile));
    await nextTurn();
  }
  await Promise.all(running);
  // Batches handed back by workers that failed after the main thread ran out of work.
  for (let batch = requeued.pop(); batch; batch = requeued.pop()) store(batch.start, batch.jobs.map(checkFile));
  return results;
}
