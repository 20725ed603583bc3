import { setFlagsFromString } from "node:v8";

/**
 * How far the server's heap may grow past what it holds before V8 collects:
 * half again. V8's own factor rises to four times when collections are cheap
 * next to the work between them, which is what checking thousands of saved
 * reports looks like — a workspace of 20,000 reports that holds under 300 MB
 * peaked at about 1 GB (docs/performance.md). V8 reads the factor at every
 * collection, so setting it when the server starts applies to the whole run.
 */
export function boundHeapGrowth(): void {
  setFlagsFromString("--heap-growing-percent=50");
}
