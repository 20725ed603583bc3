/**
 * Many reports at once. The language server's index of reports by organ and
 * year (PredecessorIndex) finds what findPredecessors finds over the whole
 * list, kept current one report at a time; a storm of didOpen does not hold
 * a request behind the checks it causes; and last year's report is still
 * found among documents opened together. Outcomes only, no timings (the
 * benchmark's `storm` group has the figures).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findPredecessors, PredecessorIndex, renderReport, type ReportIdentity } from "../../server/src/core";
import { reportText, Y2020, Y2021_WRONG_CARRYOVER } from "../fixtures/cross-year/reports";
import { seeded } from "../helpers/random";
import { fileUri, LspTestClient } from "../protocol/lspClient";

const ORGANS = ["某某区人民政府办公室", "某某区政府办公室", "某某县交通运输局", "某某市 教育局"];

function randomIdentity(next: () => number): ReportIdentity {
  const organ = next() < 0.1 ? undefined : ORGANS[Math.floor(next() * ORGANS.length)];
  const year = next() < 0.1 ? undefined : { value: 2019 + Math.floor(next() * 4) };
  return { organ, year } as ReportIdentity;
}

describe("PredecessorIndex", () => {
  it("answers as findPredecessors over the current reports, through random sets and deletes", () => {
    const next = seeded(19);
    const index = new PredecessorIndex<number>();
    const current = new Map<number, ReportIdentity>();
    for (let step = 0; step < 3000; step++) {
      const key = Math.floor(next() * 40);
      if (next() < 0.2) {
        index.delete(key);
        current.delete(key);
      } else {
        const identity = randomIdentity(next);
        index.set(key, identity);
        current.set(key, identity);
      }
      const asked = randomIdentity(next);
      const askedKey = next() < 0.5 ? key : -1;
      const others = [...current].filter(([k]) => k !== askedKey);
      const i = findPredecessors([asked, ...others.map(([, m]) => m)])[0];
      assert.equal(index.predecessorOf(askedKey, asked), i === undefined ? undefined : others[i - 1][0], `step ${step}`);
    }
  });
});

describe("a storm of documents", () => {
  it("a hover sent after 1,000 didOpen is answered before their checks are done; last year's report is found among them", async () => {
    const client = await LspTestClient.start();
    const uri = (n: number) => fileUri(`storm/${n}.govreport`);
    const first = renderReport({ year: 2021, organ: "第一号机关" });
    client.open(uri(0), first);
    await client.diagnostics(uri(0));
    const storm = 1000;
    for (let n = 1; n < storm; n++) client.open(uri(n), renderReport({ year: 2019 + (n % 3), organ: `第${n}号机关` }));
    // The cross-year pair is opened last of all, this year's before last year's.
    const thisYear = fileUri("storm/2021.govreport");
    const lastYear = fileUri("storm/2020.govreport");
    client.open(thisYear, reportText(Y2021_WRONG_CARRYOVER));
    client.open(lastYear, reportText(Y2020));
    await client.request("textDocument/hover", { textDocument: { uri: uri(0) }, position: { line: 0, character: 1 } });
    const checkedBeforeHover = Array.from({ length: storm }, (_, n) => client.allDiagnostics(uri(n)).length > 0).filter(Boolean).length;
    assert.ok(checkedBeforeHover < storm, `the hover waited for all ${storm} checks`);
    const crossYear = await client.diagnostics(thisYear);
    assert.ok(crossYear.diagnostics.some((d) => d.code === "carryover-mismatch"), "last year's report, opened after it, was found");
    await client.diagnostics(uri(storm - 1));
  });
});
