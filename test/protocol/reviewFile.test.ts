import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, it } from "node:test";
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, TextDocumentEdit, TextEdit } from "vscode-languageserver-protocol/node";
import { checkModel, fingerprintFindings, parse, type ReviewDecision } from "../../server/src/core";
import { importDocx } from "../../server/src/docx";
import { reportKeyOf } from "../../server/src/node/review";
import { CHECK_WORD_REQUEST, type CheckWordResult } from "../../server/src/server/wordProtocol";
import { tempDir } from "../helpers/cli";
import { wordReport } from "../docx/fixtures";
import { reportText, Y2021 } from "../fixtures/cross-year/reports";
import { applyTextEdits, LspTestClient } from "./lspClient";

/**
 * The review file in the editor: the decisions of the .govreport-review.json
 * beside a report apply to its diagnostics as they do to `check` — a finding
 * marked 不是问题 is not published, one marked 已确认 is shown marked — for
 * an open document, a long one checked in the worker, a saved report of
 * the workspace and a Word report; a change to the review file (the 标记为不是问题 action's
 * edit once saved) shows at once.
 */

/** 乙镇's 2021 report, table 三 unbalanced in 自然人 and 总计 (two balance-mismatch errors). */
const TEXT = reportText({ ...Y2021, organ: "乙镇人民政府", applications: { new: [3, 0], carried: [0, 0], granted: [2, 0], forward: [0, 0] } });
/** The same report past the length checked in the worker (100 000 characters), lengthened by a closing paragraph. */
const LONG = `${TEXT}\n${"本机关将继续做好政府信息公开工作，回应社会关切。\n".repeat(5000)}`;

/** Decisions on the report's two balance findings, fingerprinted as check does (the report is known by its organ and year). */
function decisionsOn(text: string, first: ReviewDecision["decision"], second: ReviewDecision["decision"]): ReviewDecision[] {
  const model = parse(text);
  const findings = checkModel(model);
  const prints = fingerprintFindings(model.lines.map((l) => l.text), findings, "乙镇人民政府 2021");
  const balance = findings.flatMap((f, i) => (f.rule === "balance-mismatch" ? [prints[i]] : []));
  assert.equal(balance.length, 2);
  return [
    { fingerprint: balance[0], decision: first, rule: "balance-mismatch" },
    { fingerprint: balance[1], decision: second, rule: "balance-mismatch" },
  ];
}

function folderWith(decisions: ReviewDecision[]): { dir: string; review: string } {
  const dir = tempDir();
  const review = join(dir, ".govreport-review.json");
  writeFileSync(review, JSON.stringify({ version: 1, decisions }));
  return { dir, review };
}

const balance = (p: PublishDiagnosticsParams): Diagnostic[] => p.diagnostics.filter((d) => d.code === "balance-mismatch");
const checked = (p: PublishDiagnosticsParams) => p.diagnostics.length > 0;

/** One balance finding left of two, marked accepted. */
function assertReviewed(p: PublishDiagnosticsParams): void {
  const shown = balance(p);
  assert.equal(shown.length, 1);
  assert.match(String(shown[0].message), /^\[已确认\] “总计”列/);
}

/** Opens `text` beside a review file that dismisses one of its findings and accepts another; asserts the diagnostics follow it. */
async function assertOpenReportReviewed(text: string): Promise<void> {
  const { dir } = folderWith(decisionsOn(text, "dismissed", "accepted"));
  const client = await LspTestClient.start({ workspaceFolder: dir });
  const uri = pathToFileURL(join(dir, "yi-2021.txt")).href;
  client.open(uri, text);
  assertReviewed(await client.diagnostics(uri, checked));
  await client.stop();
}

describe("the review file in the editor", () => {
  it("leaves the dismissed finding out of an open report's diagnostics and marks the accepted one", () => assertOpenReportReviewed(TEXT));

  it("applies to a long report checked in the worker", () => assertOpenReportReviewed(LONG));

  it("applies to the saved reports of the workspace check", async () => {
    const { dir } = folderWith(decisionsOn(TEXT, "dismissed", "accepted"));
    writeFileSync(join(dir, "yi-2021.txt"), TEXT);
    const client = await LspTestClient.start({ workspaceFolder: dir, settings: { workspaceCheck: true } });
    assertReviewed(await client.diagnostics(pathToFileURL(join(dir, "yi-2021.txt")).href, checked));
    await client.stop();
  });

  it("applies to a Word report's findings", async () => {
    const { docx } = await wordReport();
    const model = parse((await importDocx(docx)).text);
    const findings = checkModel(model);
    const prints = fingerprintFindings(model.lines.map((l) => l.text), findings, reportKeyOf("report.docx", model));
    const year = findings.findIndex((f) => f.rule === "year-mismatch");
    const { dir } = folderWith([{ fingerprint: prints[year], decision: "dismissed", rule: "year-mismatch" }]);
    const file = join(dir, "report.docx");
    writeFileSync(file, docx);
    const client = await LspTestClient.start({ workspaceFolder: dir });
    const result = await client.request<CheckWordResult>(CHECK_WORD_REQUEST, { uri: pathToFileURL(file).href });
    assert.equal(result.findings.length, findings.length - 1);
    assert.ok(!result.findings.some((f) => f.rule === "year-mismatch"));
    await client.stop();
  });

  it("hides the finding 标记为不是问题 dismissed once the review file is written", async () => {
    const { dir, review } = folderWith([]);
    const client = await LspTestClient.start({ workspaceFolder: dir });
    const uri = pathToFileURL(join(dir, "yi-2021.txt")).href;
    client.open(uri, TEXT);
    const before = balance(await client.diagnostics(uri, checked));
    assert.equal(before.length, 2);
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: before[0].range, context: { diagnostics: [before[0]] } });
    const dismiss = actions.find((a) => a.title.startsWith("标记为不是问题"))!;
    const [change] = dismiss.edit!.documentChanges as TextDocumentEdit[];
    // The editor applies the edit and saves the file; its watcher tells the server.
    writeFileSync(review, (change.edits[0] as TextEdit).newText);
    const mark = client.diagnosticsCount;
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: pathToFileURL(review).href, type: 2 }] });
    const after = balance(await client.diagnostics(uri, (p) => balance(p).length < 2, mark));
    assert.deepEqual(
      after.map((d) => d.message),
      before.slice(1).map((d) => d.message),
    );
    await client.stop();
  });

  it("Fix All leaves as it is the finding a reviewer marked 不是问题", async () => {
    const text = TEXT.replace("一、总体情况\n", "一、总体情况\n\n本机关坚持主动公开,依申请公开并重。\n\n全年办理的申请,均按时答复。\n");
    const model = parse(text);
    const findings = checkModel(model);
    const prints = fingerprintFindings(model.lines.map((l) => l.text), findings, "乙镇人民政府 2021");
    const commas = findings.flatMap((f, i) => (f.rule === "repeated-text" ? [prints[i]] : []));
    assert.equal(commas.length, 2);
    const { dir } = folderWith([{ fingerprint: commas[0], decision: "dismissed" }]);
    const client = await LspTestClient.start({ workspaceFolder: dir });
    const uri = pathToFileURL(join(dir, "yi-2021.txt")).href;
    client.open(uri, text);
    await client.diagnostics(uri, checked);
    const whole = { start: { line: 0, character: 0 }, end: { line: text.split("\n").length, character: 0 } };
    const [fixAll] = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: whole, context: { diagnostics: [], only: ["source.fixAll"] } });
    const [change] = fixAll.edit!.documentChanges as TextDocumentEdit[];
    const fixed = applyTextEdits(text, change.edits as TextEdit[]);
    assert.ok(fixed.includes("主动公开,依申请公开"), "the dismissed comma is kept");
    assert.ok(fixed.includes("全年办理的申请，均按时答复"), "the other comma is fixed");
    await client.stop();
  });
});
