import { availableParallelism } from "node:os";
import { setImmediate as nextTurn } from "node:timers/promises";
import { debuglog } from "node:util";
import { parentPort, Worker, workerData } from "node:worker_threads";
import { checkFile, type Job, type JobResult } from "./job";

/**
 * `check` on many files with every core: the files are handed out in small
 * batches, in order, to worker threads and to the main thread itself, and
 * the results are put back in the files' order, so the output is the serial
 * output. Each file is checked by checkFile (job.ts) without last year's
 * report; the few reports that have one are checked again afterwards on the
 * main thread (see commands/check.ts).
 */

/** Below this many files a worker costs more to start than it saves. */
export const PARALLEL_MIN_FILES = 64;
const BATCH = 16;

/** NODE_DEBUG=gov-report prints how many files each kind of thread checked (to stderr). */
const debug = debuglog("gov-report");

/**
 * Threads to check with (threadCount): one per core but one, at least one;
 * GOV_REPORT_THREADS overrides (1 checks serially). A thread's own isolate keeps about half a core
 * more busy with V8's compiler and collector threads (one thread: 2.0 s of CPU
 * in 1.35 s on 1,000 files), so on two cores a worker only competes with them:
 * 1,000 files took 1.6–1.8 s on two threads against 1.3–1.5 s on one, 5,000
 * files 5.0–6.0 s against 4.6–5.5 s (docs/performance.md).
 */
export const defaultThreadCount = (): number => Math.max(1, availableParallelism() - 1);

export function threadCount(): number {
  const env = Number(process.env.GOV_REPORT_THREADS);
  return Number.isInteger(env) && env >= 1 ? env : defaultThreadCount();
}

interface Batch {
  start: number;
  jobs: Job[];
}
type ToWorker = Batch | { stop: true };
type FromWorker = { start: number; results: JobResult[] };

const WORKER_MARK = "gov-report-check-worker";

/** True in a worker thread started by checkFiles (main.ts then serves batches instead of running a command). */
export const isCheckWorker = (): boolean => parentPort !== null && workerData === WORKER_MARK;

/** Checks the files of a batch one after the other. */
async function checkBatch(jobs: Job[]): Promise<JobResult[]> {
  const results: JobResult[] = [];
  for (const job of jobs) results.push(await checkFile(job));
  return results;
}

export function serveBatches(): void {
  const port = parentPort!;
  port.on("message", async (m: ToWorker) => {
    if ("stop" in m) return port.close();
    port.postMessage({ start: m.start, results: await checkBatch(m.jobs) } satisfies FromWorker);
  });
}

/**
 * Checks the files with `threads` threads (the main thread and threads − 1
 * workers started from `script`, the CLI bundle). Each worker is handed its
 * first batch as it is started (the batch waits in its port while it loads),
 * so every thread of the pool checks files however fast the main thread is.
 * A worker that fails hands its batch back; with no worker left the main
 * thread checks the rest.
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
  let byWorkers = 0;

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
        store(m.start, m.results);
        byWorkers += m.results.length;
        send();
      });
      const fail = () => {
        if (inFlight) requeued.push(inFlight);
        inFlight = undefined;
        resolve();
      };
      worker.on("error", fail);
      worker.on("exit", fail);
      send();
    });
  });

  // The main thread checks batches too, yielding between them so that workers get their next batch.
  for (let batch = takeAny(); batch; batch = takeAny()) {
    store(batch.start, await checkBatch(batch.jobs));
    await nextTurn();
  }
  await Promise.all(running);
  // Batches handed back by workers that failed after the main thread ran out of work.
  for (let batch = requeued.pop(); batch; batch = requeued.pop()) store(batch.start, await checkBatch(batch.jobs));
  debug("check: %d files on %d threads, %d of them by worker threads", jobs.length, threads, byWorkers);
  return results;
}
