// Settings and .govreportrc.json take effect at once, without a reload: a rule turned off loses
// its findings, turned back on they return; a .govreportrc.json of the workspace does the same
// for the rules it names, and is validated against the extension's schema.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { after, afterEach, before, describe, it } from "mocha";
import { closeAllEditors, diagnosticsWhere, eventually, openSample, withRule, workspaceUri, writeWorkspaceFile } from "./helpers";

const sample = "003_1c583c53b8133690.txt";
const rule = "conversion-artifact";
const rcFile = ".govreportrc.json";

function rulesSetting(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration("govReport");
}

describe("settings and .govreportrc.json", () => {
  const uri = () => workspaceUri("samples", sample);
  const present = (what: string) => diagnosticsWhere(uri(), (ds) => withRule(ds, rule).length > 0, what);
  const absent = (what: string) => diagnosticsWhere(uri(), (ds) => ds.length > 0 && withRule(ds, rule).length === 0, what);

  before(async () => {
    await openSample(sample);
    await present(`${rule} in ${sample}`);
  });
  afterEach(async () => {
    await rulesSetting().update("rules", undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(workspaceUri(rcFile)).then(undefined, () => undefined);
  });
  after(closeAllEditors);

  it("govReport.rules: a rule turned off disappears, turned back on it returns", async () => {
    await rulesSetting().update("rules", { [rule]: "off" }, vscode.ConfigurationTarget.Workspace);
    await absent(`${rule} gone after turning it off`);
    await rulesSetting().update("rules", { [rule]: "error" }, vscode.ConfigurationTarget.Workspace);
    const back = await present(`${rule} back after turning it on`);
    assert.ok(withRule(back, rule).every((d) => d.severity === vscode.DiagnosticSeverity.Error));
  });

  it(".govreportrc.json in the workspace turns a rule off; deleting it brings the findings back", async () => {
    await writeWorkspaceFile(rcFile, JSON.stringify({ rules: { [rule]: "off" } }, null, 2));
    await absent(`${rule} gone under ${rcFile}`);
    await vscode.workspace.fs.delete(workspaceUri(rcFile));
    await present(`${rule} back once ${rcFile} is deleted`);
  });

  it(".govreportrc.json is validated against the extension's schema", async () => {
    const rc = await writeWorkspaceFile(rcFile, JSON.stringify({ rules: { [rule]: "loud" } }, null, 2));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(rc));
    const problems = await eventually(vscode.languages.onDidChangeDiagnostics, () => {
      const ds = vscode.languages.getDiagnostics(rc);
      return ds.length > 0 ? ds : undefined;
    }, `a schema diagnostic on the value "loud" in ${rcFile}`);
    assert.ok(problems.some((d) => /loud|error|warning|off|enum|allowed|Value is not accepted/i.test(d.message)), problems.map((d) => d.message).join("\n"));
  });
});
