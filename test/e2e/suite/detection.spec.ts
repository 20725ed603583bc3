// Content detection: a plain-text file named only by numbers becomes a report when its opening
// lines hold a report title; Markdown keeps its language and is checked; other text is left alone.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { after, describe, it } from "mocha";
import { closeAllEditors, diagnosticsWhere, eventually, reportDiagnostics, workspaceUri, writeWorkspaceFile } from "./helpers";

const reportLanguage = "gov-report";

function documentOf(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

function languageBecomes(uri: vscode.Uri, language: string): Promise<vscode.TextDocument> {
  return eventually(vscode.workspace.onDidOpenTextDocument, () => {
    const doc = documentOf(uri);
    return doc?.languageId === language ? doc : undefined;
  }, `${uri.path} in the ${language} language`);
}

describe("content detection", () => {
  after(closeAllEditors);

  it("switches a numbered plain-text sample to the report language and checks it", async () => {
    const uri = workspaceUri("samples", "003_1c583c53b8133690.txt");
    const opened = await vscode.workspace.openTextDocument(uri);
    assert.equal(opened.languageId, "plaintext", "a .txt opens as plain text");
    await vscode.window.showTextDocument(opened);
    await languageBecomes(uri, reportLanguage);
    await diagnosticsWhere(uri, (ds) => ds.length > 0, "the findings of 003");
  });

  it("checks a Markdown report without changing its language", async () => {
    const sample = await vscode.workspace.fs.readFile(workspaceUri("samples", "001_16b2a9bff0093b49.txt"));
    const uri = await writeWorkspaceFile("drafts/draft.md", new TextDecoder().decode(sample));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await diagnosticsWhere(uri, (ds) => ds.length > 0, "the findings of the Markdown report");
    assert.equal(documentOf(uri)?.languageId, "markdown");
  });

  it("leaves plain text that is not a report alone", async () => {
    const other = await writeWorkspaceFile("notes.txt", "会议纪要\n\n今天讨论了三件事。\n");
    const otherDoc = await vscode.workspace.openTextDocument(other);
    await vscode.window.showTextDocument(otherDoc);
    // A report opened after it is detected and checked; by then the notes have been inspected too.
    const report = workspaceUri("samples", "000_7e5c8f3b39cc10d8.txt");
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(report));
    await diagnosticsWhere(report, (ds) => ds.length > 0, "the findings of 000");
    assert.equal(documentOf(other)?.languageId, "plaintext");
    assert.deepEqual(reportDiagnostics(other), []);
  });
});
