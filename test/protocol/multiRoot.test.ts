import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, it } from "node:test";
import { tempDir } from "../helpers/cli";
import { reportText, Y2020, Y2021_WRONG_CARRYOVER } from "../fixtures/cross-year/reports";
import { LspTestClient } from "./lspClient";
import { reviewReports } from "./reviewPages";

/**
 * A multi-root workspace: each folder's resource-scoped settings apply to
 * its own documents. The server asks for the settings with the folder's and
 * the document's URI as scopeUri, and asks again when they change.
 */

const rules = (p: { diagnostics: { code?: number | string }[] }) => p.diagnostics.map((d) => String(d.code));
const carryovers = (p: { diagnostics: { code?: number | string }[] }) => rules(p).filter((r) => r === "carryover-mismatch").length;

function twoFolders() {
  const root = tempDir();
  const [a, b] = ["a", "b"].map((name) => join(root, name));
  for (const dir of [a, b]) mkdirSync(dir);
  const archive = join(root, "archive");
  mkdirSync(archive);
  writeFileSync(join(archive, "2020.txt"), reportText(Y2020));
  return { a, b, archive: join(archive, "2020.txt"), uri: (dir: string, name: string) => pathToFileURL(join(dir, name)).href };
}

/** The carry-over findings of each open report, as the review view gets them. */
async function carryoversByUri(client: LspTestClient): Promise<Map<string, number>> {
  const reports = await reviewReports(client);
  return new Map(reports.map((r) => [r.uri, r.findings.filter((f) => f.rule === "carryover-mismatch").length]));
}

describe("folder-level settings in a multi-root workspace", () => {
  it("govReport.previousReport of one folder applies to its documents only", async () => {
    const { a, b, uri } = twoFolders();
    const client = await LspTestClient.start({
      workspaceFolder: a,
      moreFolders: [b],
      // Folder a names last year's report relative to itself; folder b names none.
      folderSettings: { [a]: { previousReport: "../archive/2020.txt" } },
    });
    client.open(uri(a, "2021.txt"), reportText(Y2021_WRONG_CARRYOVER));
    client.open(uri(b, "2021.txt"), reportText(Y2021_WRONG_CARRYOVER));
    assert.equal(carryovers(await client.diagnostics(uri(a, "2021.txt"), (p) => carryovers(p) > 0)), 2);
    // The same relative path would find the archive from folder b too: only folder a's setting names it.
    const found = await carryoversByUri(client);
    assert.equal(found.get(uri(a, "2021.txt")), 2);
    assert.equal(found.get(uri(b, "2021.txt")), 0);
    // Asked with each document's URI as the scope, not only the window's.
    assert.ok(client.settingsScopes.includes(uri(a, "2021.txt")));
    assert.ok(client.settingsScopes.includes(uri(b, "2021.txt")));
  });

  it("rule severities set per folder, read again when the settings change", async () => {
    const { a, b, uri, archive } = twoFolders();
    const client = await LspTestClient.start({
      workspaceFolder: a,
      moreFolders: [b],
      // Last year's report for both folders (the window's setting); folder b turns the carry-over rule off.
      settings: { previousReport: archive },
      folderSettings: { [b]: { rules: { "carryover-mismatch": "off" } } },
    });
    client.open(uri(a, "2021.txt"), reportText(Y2021_WRONG_CARRYOVER));
    client.open(uri(b, "2021.txt"), reportText(Y2021_WRONG_CARRYOVER));
    assert.equal(carryovers(await client.diagnostics(uri(a, "2021.txt"), (p) => carryovers(p) > 0)), 2);
    const found = await carryoversByUri(client);
    assert.equal(found.get(uri(b, "2021.txt")), 0);
    assert.equal(found.get(uri(a, "2021.txt")), 2);
    const since = client.diagnosticsCount;
    // Folder b turns the rule back on: its document is checked again with it.
    client.folderSettings = {};
    await client.configure({});
    assert.equal(carryovers(await client.diagnostics(uri(b, "2021.txt"), (p) => carryovers(p) > 0, since)), 2);
  });
});
