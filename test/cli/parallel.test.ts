import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { renderReport } from "../../server/src/core";
import { PARALLEL_MIN_FILES } from "../../server/src/cli/parallel";
import { runCli, tempDir } from "../helpers/cli";
import { SAMPLES_DIR } from "../helpers/samples";

/**
 * `check` on many files runs on worker threads (server/src/cli/parallel.ts).
 * Its output must be the serial output, byte for byte: the same files in the
 * same order, the same findings, messages on stderr and exit code.
 */

function writeBatch(dir: string): void {
  const samples = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith(".txt")).sort();
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
  writeFileSync(join(dir, "notes.md"), "# 会议纪要\n\n与年报无关。\n");
  writeFileSync(join(dir, "binary.txt"), Buffer.from([0x47, 0x00, 0x01, 0x02]));
  // A folder of its own with a config that turns a rule off.
  const sub = join(dir, "sub");
  mkdirSync(sub);
  writeFileSync(join(sub, ".govreportrc.json"), JSON.stringify({ rules: { "table-cell-format": "off" } }));
  for (let i = 0; i < 10; i++) copyFileSync(join(SAMPLES_DIR, samples[i % samples.length]), join(sub, `s${i}.txt`));
}

describe("gov-report check on many files", () => {
  const dir = tempDir();
  writeBatch(dir);

  for (const format of ["json", "stylish", "sarif"]) {
    it(`prints with worker threads what it prints serially (--format ${format})`, () => {
      const serial = runCli(["check", "--format", format, dir], { env: { GOV_REPORT_THREADS: "1" } });
      assert.ok(serial.stdout.length > 0);
      for (const threads of ["2", "3"]) {
        const parallel = runCli(["check", "--format", format, dir], { env: { GOV_REPORT_THREADS: threads } });
        assert.equal(parallel.status, serial.status);
        assert.equal(parallel.stderr, serial.stderr);
        assert.equal(parallel.stdout, serial.stdout, `${threads} threads`);
      }
    });
  }

  it("checks files named one by one the same way, not-a-report findings included", () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".txt") || f.endsWith(".md")).map((f) => join(dir, f));
    const serial = runCli(["check", "--format", "json", ...files], { env: { GOV_REPORT_THREADS: "1" } });
    const parallel = runCli(["check", "--format", "json", ...files], { env: { GOV_REPORT_THREADS: "2" } });
    assert.equal(parallel.status, serial.status);
    assert.equal(parallel.stdout, serial.stdout);
    assert.match(serial.stdout, /not-a-report/);
    assert.match(serial.stdout, /carryover-mismatch|active-count-continuity/);
  });
});
