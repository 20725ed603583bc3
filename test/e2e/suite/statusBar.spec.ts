// The status-bar entry of the active report: the format it follows (VS Code's own entry counts the
// errors and warnings); hidden for a document that is not a report.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { after, describe, it } from "mocha";
import { closeAllEditors, eventually, extensionApi, openSample, writeWorkspaceFile } from "./helpers";

describe("status bar", () => {
  after(closeAllEditors);

  it("shows the format of the active report, not the error and warning counts VS Code already shows", async () => {
    const api = await extensionApi();
    await openSample("000_7e5c8f3b39cc10d8.txt");
    // Chinese by default, whatever the display language.
    const text = await eventually(api.onDidChangeStatusBar, () => {
      const shown = api.statusBarText();
      return shown !== undefined && /2019/.test(shown) ? shown : undefined;
    }, "the status bar to show 000's format");
    assert.equal(text, "$(law) 年报 · 2019 格式");
  });

  it("is hidden while a document that is not a report is active", async () => {
    const api = await extensionApi();
    const notes = await writeWorkspaceFile("status-notes.txt", "会议纪要\n");
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notes));
    await eventually(api.onDidChangeStatusBar, () => (api.statusBarText() === undefined ? true : undefined), "the status bar entry to hide");
  });
});
