// The status-bar entry of the active report: the format it follows and its error and warning
// counts, which are those of its diagnostics; hidden for a document that is not a report.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { after, describe, it } from "mocha";
import { closeAllEditors, eventually, extensionApi, openSample, reportDiagnostics, workspaceUri, writeWorkspaceFile } from "./helpers";

describe("status bar", () => {
  after(closeAllEditors);

  it("shows the format and the error and warning counts of the active report", async () => {
    const api = await extensionApi();
    const uri = workspaceUri("samples", "000_7e5c8f3b39cc10d8.txt");
    await openSample("000_7e5c8f3b39cc10d8.txt");
    const expected = () => {
      const ds = reportDiagnostics(uri);
      const count = (severity: vscode.DiagnosticSeverity) => ds.filter((d) => d.severity === severity).length;
      // The format's name follows the display language: “2019 格式” or “2019 format”.
      return ds.length > 0
        ? new RegExp(`^\\$\\(law\\) 2019 \\S+ \\$\\(error\\) ${count(vscode.DiagnosticSeverity.Error)} \\$\\(warning\\) ${count(vscode.DiagnosticSeverity.Warning)}$`)
        : undefined;
    };
    const text = await eventually(api.onDidChangeStatusBar, () => {
      const shown = api.statusBarText();
      return shown !== undefined && expected()?.test(shown) ? shown : undefined;
    }, "the status bar to show 000's format and counts");
    assert.match(text, /\$\(error\) [1-9]/, "000 has errors");
  });

  it("is hidden while a document that is not a report is active", async () => {
    const api = await extensionApi();
    const notes = await writeWorkspaceFile("status-notes.txt", "会议纪要\n");
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notes));
    await eventually(api.onDidChangeStatusBar, () => (api.statusBarText() === undefined ? true : undefined), "the status bar entry to hide");
  });
});
