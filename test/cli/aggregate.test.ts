import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runCli, tempDir } from "../helpers/cli";
import { reportText, Y2021, type Applications, type ReportSpec } from "../fixtures/cross-year/reports";

/**
 * Region totals (aggregate-mismatch): a county's report against the sum of
 * its townships' and departments' reports, configured in the county's folder
 * or given with --aggregate; off otherwise.
 */

const unit = (organ: string, applications: Applications): ReportSpec => ({ ...Y2021, organ, applications });

const UNITS = [
  unit("甲镇人民政府", { new: [5, 1], carried: [1, 0], granted: [6, 1], forward: [0, 0] }),
  unit("乙镇人民政府", { new: [2, 0], carried: [0, 0], granted: [2, 0], forward: [0, 0] }),
  unit("示例县教育局", { new: [3, 2], carried: [0, 1], granted: [3, 3], forward: [0, 0] }),
];
const SUM: Applications = { new: [10, 3], carried: [1, 1], granted: [11, 4], forward: [0, 0] };

interface Diagnostic {
  rule: string;
  message: string;
  line: number;
}

function region(applications: Applications, config?: unknown): string {
  const dir = tempDir();
  mkdirSync(join(dir, "乡镇"));
  mkdirSync(join(dir, "部门"));
  writeFileSync(join(dir, "乡镇", "jia.txt"), reportText(UNITS[0]));
  writeFileSync(join(dir, "乡镇", "yi.txt"), reportText(UNITS[1]));
  writeFileSync(join(dir, "部门", "jiaoyu.txt"), reportText(UNITS[2]));
  writeFileSync(join(dir, "county.txt"), reportText({ ...Y2021, organ: "示例县人民政府", applications }));
  if (config) writeFileSync(join(dir, ".govreportrc.json"), JSON.stringify(config));
  return dir;
}

const CONFIG = { aggregate: { of: ["乡镇/*.txt", "部门/*.txt"] } };

function aggregate(args: string[]): Map<string, Diagnostic[]> {
  const r = runCli(["check", "--format", "json", ...args]);
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const files = JSON.parse(r.stdout) as { file: string; diagnostics: Diagnostic[] }[];
  return new Map(files.map((f) => [f.file.replace(/^.*[\\/]/, ""), f.diagnostics.filter((d) => d.rule === "aggregate-mismatch")]));
}

describe("aggregate-mismatch", () => {
  it("is silent when the region's tables are the sum of its units'", () => {
    const found = aggregate([region(SUM, CONFIG)]);
    assert.deepEqual([...found.values()].flat(), []);
    assert.equal(found.size, 4);
  });

  it("finds a column whose figure is not the units' sum, and names the largest contributions", () => {
    const found = aggregate([region({ ...SUM, new: [12, 3] }, CONFIG)]);
    const county = found.get("county.txt")!;
    assert.deepEqual(
      county.map((d) => d.message),
      [
        "“一、本年新收政府信息公开申请数量”“自然人”：本报告为 12，3 个单位的报告合计 10（相差 +2）；数量较多的是 甲镇人民政府 5、示例县教育局 3、乙镇人民政府 2",
        "“一、本年新收政府信息公开申请数量”“总计”：本报告为 15，3 个单位的报告合计 13（相差 +2）；数量较多的是 甲镇人民政府 6、示例县教育局 5、乙镇人民政府 2",
      ],
    );
    // The units' own reports are not regions: the configuration applies to its own folder's reports.
    for (const name of ["jia.txt", "yi.txt", "jiaoyu.txt"]) assert.deepEqual(found.get(name), []);
  });

  it("is off without configuration", () => {
    assert.deepEqual([...aggregate([region({ ...SUM, new: [12, 3] })]).values()].flat(), []);
  });

  it("takes the units from --aggregate for a report named on the command line", () => {
    const dir = region({ ...SUM, carried: [2, 1] });
    const county = aggregate(["--aggregate", "乡镇/*.txt,部门/*.txt", join(dir, "county.txt")]).get("county.txt")!;
    assert.equal(county.length, 2);
    assert.match(county[0].message, /^“二、上年结转政府信息公开申请数量”“自然人”：本报告为 2，3 个单位的报告合计 1（相差 \+1）；数量较多的是 甲镇人民政府 1$/);
  });

  it("takes the units from --aggregate for the reports directly in a folder named on the command line", () => {
    const found = aggregate(["--aggregate", "乡镇/*.txt,部门/*.txt", region({ ...SUM, carried: [2, 1] })]);
    assert.equal(found.get("county.txt")!.length, 2);
    // The units, below the folder or named by the patterns, are not regions.
    for (const name of ["jia.txt", "yi.txt", "jiaoyu.txt"]) assert.deepEqual(found.get(name), []);
  });

  it("with --aggregate and a folder, a report the patterns name is a unit, not a region", () => {
    const dir = region({ ...SUM, new: [12, 3] });
    writeFileSync(join(dir, "县财政局.txt"), reportText(unit("示例县财政局", { new: [1, 0], carried: [0, 0], granted: [1, 0], forward: [0, 0] })));
    const found = aggregate(["--aggregate", "乡镇/*.txt,部门/*.txt,县*.txt", dir]);
    assert.match(found.get("county.txt")![0].message, /4 个单位的报告合计/);
    assert.deepEqual(found.get("县财政局.txt"), []);
  });

  it("is silent when a unit's file is not a report: a sum over some units says nothing", () => {
    const dir = region({ ...SUM, new: [12, 3] }, CONFIG);
    writeFileSync(join(dir, "乡镇", "notes.txt"), "会议记录\n\n无关内容。\n");
    assert.deepEqual(aggregate([join(dir, "county.txt")]).get("county.txt"), []);
  });

  it("reports a configuration without units as a problem", () => {
    const dir = region(SUM, { aggregate: { of: [] } });
    const r = runCli(["check", join(dir, "county.txt")]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /aggregate/);
  });
});
