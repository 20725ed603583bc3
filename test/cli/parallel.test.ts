import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { renderReport } from "../../server/src/core";
import { PARALLEL_MIN_FILES } from "../../server/src/cli/parallel";
import { exportDocx } from "../../server/src/docx";
import { wordReport } from "../docx/fixtures";
import { reportText, Y2020, Y2021_WRONG_CARRYOVER, Y2022_WRONG_ACTIVE } from "../fixtures/cross-year/reports";
import { runCli, tempDir } from "../helpers/cli";
import { SAMPLES_DIR } from "../helpers/samples";

/**
 * `check` on many files runs on worker threads (server/src/cli/parallel.ts),
 * in every output mode — the summary and the review page included — and with
 * Word reports among the files. Its output must be the serial output, byte
 * for byte: the same files in the same order, the same findings, messages on
 * stderr and exit code (the review page up to its random CSP nonce).
 */

async function wordDocument(text: string): Promise<Uint8Array> {
  const r = await exportDocx(text, { force: true });
  assert.ok(r.exported);
  return r.docx;
}

async function writeBatch(dir: string): Promise<void> {
  const samples = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith(".txt")).sort();
  // Word reports named to come first, so that the first batch (a worker's: parallel.ts) holds them, and others last.
  writeFileSync(join(dir, "0-word-tables.docx"), (await wordReport()).docx);
  writeFileSync(join(dir, "0-word-2020.docx"), await wordDocument(reportText(Y2020)));
  // Checked again on the main thread with the 2020 Word report: carryover-mismatch, with its Word location.
  writeFileSync(join(dir, "0-word-2021.docx"), await wordDocument(reportText(Y2021_WRONG_CARRYOVER)));
  writeFileSync(join(dir, "0-word-damaged.docx"), Buffer.from("not a zip archive"));
  for (let i = 0; i < 4; i++) {
    const text = renderReport({ year: 2021 + i, organ: `第${i}号街道办事处` }).replace(/\t0\t/, "\t5\t");
    writeFileSync(join(dir, `w-word-${i}.docx`), await wordDocument(text));
  }
  let n = 0;
  const name = () => `r${String(n++).padStart(3, "0")}.txt`;
  for (let i = 0; i < PARALLEL_MIN_FILES; i++) copyFileSync(join(SAMPLES_DIR, samples[i % samples.length]), join(dir, name()));
  for (let i = 0; i < 30; i++) {
    const text = renderReport({ year: 2019 + (i % 6), organ: `第${i}号机关`, layout: i % 2 ? "pipes" : "tabs" });
    // Every other report has a number changed, so that its relations fail.
    writeFileSync(join(dir, name()), i % 2 ? text.replace(/\t0\t/, "\t7\t") : text);
  }
  // Last year's report among the files: checked with it (the cross-year rules), which workers do not do.
  writeFileSync(join(dir, name()), renderReport({ year: 2022, organ: "某市交通运输局" }));
  writeFileSync(join(dir, name()), renderReport({ year: 2023, organ: "某市交通运输局" }).replace(/\t0\t/, "\t3\t"));
  // A draft whose last year's report is the 2021 Word report.
  writeFileSync(join(dir, name()), reportText(Y2022_WRONG_ACTIVE));
  writeFileSync(join(dir, "notes.md"), "# 会议纪要\n\n与年报无关。\n");
  writeFileSync(join(dir, "binary.txt"), Buffer.from([0x47, 0x00, 0x01, 0x02]));
  // A folder of its own with a config that turns a rule off.
  const sub = join(dir, "sub");
  mkdirSync(sub);
  writeFileSync(join(sub, ".govreportrc.json"), JSON.stringify({ rules: { "table-cell-format": "off" } }));
  for (let i = 0; i < 10; i++) copyFileSync(join(SAMPLES_DIR, samples[i % samples.length]), join(sub, `s${i}.txt`));
}

const POOL = /^GOV-REPORT \d+: check: (\d+) files on (\d+) threads, (\d+) of them by worker threads\n/m;

/**
 * `check` with GOV_REPORT_THREADS=threads. NODE_DEBUG=gov-report has the CLI
 * say on stderr how many files worker threads checked; that line is taken
 * out of stderr and returned as `byWorkers`.
 */
function checkOn(threads: number, args: string[]) {
  const r = runCli(["check", ...args], { env: { GOV_REPORT_THREADS: String(threads), NODE_DEBUG: "gov-report" } });
  const pool = POOL.exec(r.stderr);
  assert.ok(pool, `no pool line on stderr: ${r.stderr}`);
  assert.equal(Number(pool[2]), threads);
  return { ...r, stderr: r.stderr.replace(POOL, ""), byWorkers: Number(pool[3]) };
}

/** The review page with its CSP nonce (random on every run) replaced. */
function reviewPage(file: string): string {
  const html = readFileSync(file, "utf8");
  const nonce = /script-src 'nonce-([^']+)'/.exec(html)![1];
  return html.replaceAll(nonce, "NONCE");
}

describe("gov-report check on many files", () => {
  const dir = tempDir();
  before(() => writeBatch(dir));

  const modes: [string, string[], number[]][] = [
    ["--format json", ["--format", "json"], [2, 3]],
    ["--format stylish", ["--format", "stylish"], [2, 3]],
    ["--format sarif", ["--format", "sarif"], [2, 3]],
    ["--summary", ["--summary"], [2]],
    ["--format html", ["--format", "html"], [2]],
  ];
  for (const [mode, args, threadCounts] of modes) {
    it(`prints with worker threads what it prints serially, the workers checking files (${mode})`, () => {
      // In the folder checked: a .html file is no draft.
      const page = (threads: number) => join(dir, `review-${threads}.html`);
      const run = (threads: number) => {
        const r = checkOn(threads, mode === "--format html" ? [...args, "-o", page(threads), dir] : [...args, dir]);
        return { ...r, stdout: mode === "--format html" ? reviewPage(page(threads)) : r.stdout };
      };
      const serial = run(1);
      assert.equal(serial.byWorkers, 0);
      assert.ok(serial.stdout.length > 0);
      for (const threads of threadCounts) {
        const parallel = run(threads);
        // Each worker is handed a batch of 16 files as it starts.
        assert.ok(parallel.byWorkers >= 16 * (threads - 1), `${threads} threads: ${parallel.byWorkers} files checked by workers`);
        assert.equal(parallel.status, serial.status);
        assert.equal(parallel.stderr, serial.stderr);
        assert.equal(parallel.stdout, serial.stdout, `${threads} threads`);
      }
    });
  }

  it("checks the Word reports in the worker threads' batches as serially: Word locations, last year's Word report", () => {
    const results: { file: string; error?: string; diagnostics: { rule: string; word?: object }[] }[] = JSON.parse(checkOn(2, ["--format", "json", dir]).stdout);
    const word = results.filter((r) => r.file.endsWith(".docx") && !r.error);
    assert.equal(word.length, 7);
    assert.ok(word.every((r) => r.diagnostics.every((d) => d.word)));
    const carryover = results.find((r) => r.file.endsWith("0-word-2021.docx"))!.diagnostics.filter((d) => d.rule === "carryover-mismatch");
    assert.equal(carryover.length, 2);
    assert.ok(results.find((r) => r.file.endsWith("0-word-damaged.docx"))!.error);
    assert.ok(results.some((r) => r.diagnostics.some((d) => d.rule === "active-count-continuity")));
  });

  it("checks files named one by one the same way, not-a-report findings included", () => {
    const files = readdirSync(dir).filter((f) => /\.(txt|md|docx)$/.test(f)).map((f) => join(dir, f));
    const serial = runCli(["check", "--format", "json", ...files], { env: { GOV_REPORT_THREADS: "1" } });
    const parallel = runCli(["check", "--format", "json", ...files], { env: { GOV_REPORT_THREADS: "2" } });
    assert.equal(parallel.status, serial.status);
    assert.equal(parallel.stdout, serial.stdout);
    assert.match(serial.stdout, /not-a-report/);
    assert.match(serial.stdout, /carryover-mismatch|active-count-continuity/);
  });
});
