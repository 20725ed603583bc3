import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { before, describe, it } from "node:test";
import { exportDocx } from "../../server/src/docx";
import { tempDir } from "../helpers/cli";
import { reportText, Y2020, Y2021, Y2021_WRONG_CARRYOVER } from "../fixtures/cross-year/reports";
import { LspTestClient } from "./lspClient";
import { reviewReports } from "./reviewPages";

/**
 * Last year's report as a Word document in the editor, as the CLI reads it
 * (test/docx/cli.test.ts): found in the workspace, named by
 * govReport.previousReport or by `previous` in .govreportrc.json, and picked
 * up when it appears on disk; Word's lock files are no reports.
 */

let lastYear: Uint8Array;
before(async () => {
  const result = await exportDocx(reportText(Y2020));
  assert.ok(result.exported, "last year's report exports to Word");
  lastYear = result.docx;
});

const carryovers = (p: { diagnostics: { code?: number | string }[] }) => p.diagnostics.filter((d) => String(d.code) === "carryover-mismatch").length;
const uriOf = (dir: string, name: string) => pathToFileURL(join(dir, name)).href;

describe("last year's report as a Word document in the editor", () => {
  it("is found in the workspace, and Word's lock file beside it is not read", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "2020.docx"), lastYear);
    // Word's lock file: a few bytes of owner name, not a document (a report of its own if it were read as one).
    writeFileSync(join(dir, "~$2020.docx"), Buffer.from("\x0bsomeone\0\0\0\0"));
    writeFileSync(join(dir, "2021.txt"), reportText(Y2021_WRONG_CARRYOVER));
    const client = await LspTestClient.start({ workspaceFolder: dir });
    client.open(uriOf(dir, "2021.txt"), reportText(Y2021_WRONG_CARRYOVER));
    const published = await client.diagnostics(uriOf(dir, "2021.txt"), (p) => carryovers(p) > 0);
    assert.equal(carryovers(published), 2);
    const reports = await reviewReports(client);
    assert.deepEqual(reports.map((r) => r.uri).sort(), [uriOf(dir, "2020.docx"), uriOf(dir, "2021.txt")]);
    assert.deepEqual(reports.find((r) => r.uri.endsWith(".docx"))!.year, 2020);
  });

  it("is read when govReport.previousReport names it outside the workspace", async () => {
    const dir = tempDir();
    const archive = tempDir();
    writeFileSync(join(archive, "last.docx"), lastYear);
    const client = await LspTestClient.start({ workspaceFolder: dir, settings: { previousReport: join(archive, "last.docx") } });
    const uri = uriOf(dir, "2021.txt");
    client.open(uri, reportText(Y2021_WRONG_CARRYOVER));
    assert.equal(carryovers(await client.diagnostics(uri, (p) => carryovers(p) > 0)), 2);
    // Corrected as the user types: the Word report, already imported, is compared again.
    const since = client.diagnosticsCount;
    client.change(uri, 2, reportText(Y2021));
    assert.equal(carryovers(await client.diagnostics(uri, (p) => p.version === 2, since)), 0);
  });

  it("is read when `previous` in .govreportrc.json names it", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "archive-2020.docx"), lastYear);
    // Another report of the organ's 2020 in the folder would be ambiguous; the named file decides.
    writeFileSync(join(dir, ".govreportrc.json"), JSON.stringify({ previous: "archive-2020.docx" }));
    const client = await LspTestClient.start({ workspaceFolder: dir });
    const uri = uriOf(dir, "2021.txt");
    client.open(uri, reportText(Y2021_WRONG_CARRYOVER));
    assert.equal(carryovers(await client.diagnostics(uri, (p) => carryovers(p) > 0)), 2);
  });

  it("is picked up when it is saved into the workspace after the scan", async () => {
    const dir = tempDir();
    const client = await LspTestClient.start({ workspaceFolder: dir });
    const uri = uriOf(dir, "2021.txt");
    client.open(uri, reportText(Y2021_WRONG_CARRYOVER));
    assert.equal(carryovers(await client.diagnostics(uri)), 0, "no last year's report yet");
    // The scan has run once the review request is answered.
    await reviewReports(client);
    const since = client.diagnosticsCount;
    writeFileSync(join(dir, "~$2020.docx"), Buffer.from("\x0bsomeone\0\0\0\0"));
    writeFileSync(join(dir, "2020.docx"), lastYear);
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [
        { uri: uriOf(dir, "~$2020.docx"), type: 1 },
        { uri: uriOf(dir, "2020.docx"), type: 1 },
      ],
    });
    assert.equal(carryovers(await client.diagnostics(uri, (p) => carryovers(p) > 0, since)), 2);
    const reports = await reviewReports(client);
    assert.deepEqual(reports.map((r) => r.uri).sort(), [uriOf(dir, "2020.docx"), uri]);
  });
});
