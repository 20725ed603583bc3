import { setFlagsFromString } from "node:v8";

/**
 * A command of the CLI runs for a second or two, and on a batch much of that
 * is spent before V8's optimising compiler has caught up: with inlining on,
 * TurboFan spends 50–100 ms compiling each of the reader's and the rules'
 * large functions, some several times over as their type feedback settles
 * (about 2.9 s of compiler time on 1,000 files against 1.5 s of checking),
 * and on a two-core machine that compiler time competes with the check
 * itself. Without inlining, `check` of 1,000 files used a quarter less CPU
 * (2.5 → 1.9 s) and the 1 MB draft took no longer (docs/performance.md). The
 * language server is long-running: its inlined code repays its compile, so
 * `lsp` keeps V8's default. Called by launch.ts before the CLI's bundle is
 * compiled: V8 takes a code cache only under the flags it was made with.
 */
export function favourShortRun(): void {
  setFlagsFromString("--no-turbo-inlining");
}
