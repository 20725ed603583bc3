// The extension as VS Code sees it: installed under its id, activated by a report, with every
// command its manifest contributes registered.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { describe, it } from "mocha";
import { closeAllEditors, openSample } from "./helpers";

describe("activation", () => {
  it("activates when a report is opened and registers every contributed command", async () => {
    const extension = vscode.extensions.getExtension("gov-report.gov-report");
    assert.ok(extension, "gov-report.gov-report is installed");
    await openSample("000_7e5c8f3b39cc10d8.txt");
    await extension.activate();
    const contributed = (extension.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.ok(contributed.includes("govReport.newReport"));
    const registered = await vscode.commands.getCommands(true);
    assert.deepEqual(contributed.filter((c) => !registered.includes(c)), []);
    await closeAllEditors();
  });
});
