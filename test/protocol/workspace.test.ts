import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, it } from "node:test";
import { DOMParser } from "@xmldom/xmldom";
import { PREVIEW_REQUEST, type PreviewResult } from "../../server/src/server/reviewProtocol";
import { tempDir } from "../helpers/cli";
import { reportText, Y2020, Y2021, Y2021_WRONG_CARRYOVER } from "../fixtures/cross-year/reports";
import { LspTestClient } from "./lspClient";
import { reviewReports } from "./reviewPages";

/** The server beyond one document: last year's report from the workspace, the workspace check, the preview and the review view's data. */

function workspace(): { dir: string; uri: (name: string) => string } {
  const dir = tempDir();
  writeFileSync(join(dir, "2020.txt"), reportText(Y2020));
  writeFileSync(join(dir, "2021.txt"), reportText(Y2021_WRONG_CARRYOVER));
  writeFileSync(join(dir, "notes.md"), "# 会议纪要\n\n与年报无关。\n");
  return { dir, uri: (name) => pathToFileURL(join(dir, name)).href };
}

const rules = (p: { diagnostics: { code?: number | string }[] }) => p.diagnostics.map((d) => String(d.code));

describe("cross-year checks in the editor", () => {
  it("an open report is compared with last year's report of the same organ found in the workspace", async () => {
    const { dir, uri } = workspace();
    const client = await LspTestClient.start({ workspaceFolder: dir });
    client.open(uri("2021.txt"), reportText(Y2021_WRONG_CARRYOVER));
    const published = await client.diagnostics(uri("2021.txt"), (p) => rules(p).includes("carryover-mismatch"));
    assert.equal(rules(published).filter((r) => r === "carryover-mismatch").length, 2);
    // Fixed as the user types: the findings go away.
    const since = client.diagnosticsCount;
    client.change(uri("2021.txt"), 2, reportText(Y2021));
    const fixed = await client.diagnostics(uri("2021.txt"), (p) => p.version === 2, since);
    assert.ok(!rules(fixed).includes("carryover-mismatch"));
  });

  it("govReport.previousReport names last year's report outside the workspace", async () => {
    const dir = tempDir();
    const archive = tempDir();
    writeFileSync(join(archive, "last.txt"), reportText(Y2020));
    const client = await LspTestClient.start({ workspaceFolder: dir, settings: { previousReport: join(archive, "last.txt") } });
    const uri = pathToFileURL(join(dir, "2021.txt")).href;
    client.open(uri, reportText(Y2021_WRONG_CARRYOVER));
    const published = await client.diagnostics(uri, (p) => rules(p).includes("carryover-mismatch"));
    assert.equal(rules(published).filter((r) => r === "carryover-mismatch").length, 2);
  });

  it("`previous` in .govreportrc.json names last year's report, relative to the config file, before the setting", async () => {
    const dir = tempDir();
    const archive = tempDir();
    writeFileSync(join(archive, "last.txt"), reportText(Y2020));
    writeFileSync(join(dir, ".govreportrc.json"), JSON.stringify({ previous: relative(dir, join(archive, "last.txt")) }));
    const client = await LspTestClient.start({ workspaceFolder: dir, settings: { previousReport: join(dir, "missing.txt") } });
    const uri = pathToFileURL(join(dir, "2021.txt")).href;
    client.open(uri, reportText(Y2021_WRONG_CARRYOVER));
    const published = await client.diagnostics(uri, (p) => rules(p).includes("carryover-mismatch"));
    assert.equal(rules(published).filter((r) => r === "carryover-mismatch").length, 2);
  });
});

describe("govReport.workspaceCheck", () => {
  it("publishes findings for every report on disk, none for other files, and clears them when turned off", async () => {
    const { dir, uri } = workspace();
    const client = await LspTestClient.start({ workspaceFolder: dir, settings: { workspaceCheck: true } });
    const last = await client.diagnostics(uri("2020.txt"));
    const current = await client.diagnostics(uri("2021.txt"), (p) => p.diagnostics.length > 0);
    assert.deepEqual(rules(last), []);
    assert.deepEqual(rules(current).filter((r) => r === "carryover-mismatch").length, 2);
    assert.deepEqual(client.allDiagnostics(uri("notes.md")), []);
    const since = client.diagnosticsCount;
    await client.configure({ workspaceCheck: false });
    await client.diagnostics(uri("2021.txt"), (p) => p.diagnostics.length === 0, since);
  });
});

describe("preview and review requests", () => {
  it("renders the open report with the cells in question outlined", async () => {
    const { dir, uri } = workspace();
    const client = await LspTestClient.start({ workspaceFolder: dir });
    client.open(uri("2021.txt"), reportText(Y2021_WRONG_CARRYOVER));
    await client.diagnostics(uri("2021.txt"), (p) => rules(p).includes("carryover-mismatch"));
    const preview = await client.request<PreviewResult>(PREVIEW_REQUEST, { uri: uri("2021.txt") });
    assert.equal(preview.version, 1);
    const doc = new DOMParser().parseFromString(`<html><body>${preview.html}</body></html>`, "text/html");
    const outlined = Array.from(doc.getElementsByTagName("td")).filter((td) => (td.getAttribute("class") ?? "").includes("gr-finding"));
    assert.deepEqual(outlined.map((td) => td.textContent), ["2", "3"]);
    assert.equal(await client.request(PREVIEW_REQUEST, { uri: uri("unknown.txt") }), null);
  });

  it("lists every report of the workspace with its organ, year and findings", async () => {
    const { dir, uri } = workspace();
    const client = await LspTestClient.start({ workspaceFolder: dir });
    const reports = await reviewReports(client);
    const byUri = new Map(reports.map((r) => [r.uri, r]));
    assert.deepEqual([...byUri.keys()].sort(), [uri("2020.txt"), uri("2021.txt")]);
    const current = byUri.get(uri("2021.txt"))!;
    assert.deepEqual([current.organ, current.year, current.format], ["示例县人民政府办公室", 2021, "2021"]);
    assert.equal(current.findings.filter((f) => f.rule === "carryover-mismatch").length, 2);
    assert.match(current.findings.find((f) => f.rule === "carryover-mismatch")!.message, /上年结转 2 件/);
  });
});
