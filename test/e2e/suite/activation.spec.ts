// The extension as VS Code sees it: installed under its id, activated by a report, with the
// contract's commands registered.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { describe, it } from "mocha";
import { openSample } from "./helpers";

const commands = ["govReport.newReport", "govReport.insertTable", "govReport.convertTableLayout", "govReport.fixAll", "govReport.showRuleDocs"];

describe("activation", () => {
  it("activates when a report is opened and registers every command", async () => {
    const extension = vscode.extensions.getExtension("gov-report.gov-report");
    assert.ok(extension, "gov-report.gov-report is installed");
    await openSample("000_7e5c8f3b39cc10d8.txt");
    await extension.activate();
    const registered = await vscode.commands.getCommands(true);
    assert.deepEqual(commands.filter((c) => !registered.includes(c)), []);
  });
});
