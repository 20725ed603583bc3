import assert from "node:assert/strict";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import type { CodeAction, TextDocumentEdit, TextEdit } from "vscode-languageserver-protocol/node";
import { applyReview, checkModel, decisionMap, fingerprintFindings, parse, parseReviewFile } from "../../server/src/core";
import { reportText, Y2021 } from "../fixtures/cross-year/reports";
import { fileUri, LspTestClient } from "./lspClient";

/**
 * 标记为不是问题 in the editor: offered where a review file is kept beside
 * the report, its edit writes the finding's decision into that file, and the
 * decision is the one check applies (the finding is left out).
 */

const TEXT = reportText({ ...Y2021, organ: "乙镇人民政府", applications: { new: [3, 0], carried: [0, 0], granted: [2, 0], forward: [0, 0] } });
const EMPTY_REVIEW = JSON.stringify({ version: 1, decisions: [] });

describe("code action 标记为不是问题", async () => {
  const kept = fileUri("dismiss/kept/yi-2021.txt");
  const none = fileUri("dismiss/none/yi-2021.txt");
  const reviewFile = join(dirname(fileURLToPath(kept)), ".govreport-review.json");
  mkdirSync(dirname(reviewFile), { recursive: true });
  mkdirSync(dirname(fileURLToPath(none)), { recursive: true });
  rmSync(join(dirname(fileURLToPath(none)), ".govreport-review.json"), { force: true });
  writeFileSync(reviewFile, EMPTY_REVIEW);
  const client = await LspTestClient.start();

  async function actionsAt(uri: string) {
    client.open(uri, TEXT);
    const { diagnostics } = await client.diagnostics(uri);
    const balance = diagnostics.find((d) => d.code === "balance-mismatch")!;
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: balance.range, context: { diagnostics: [balance] } });
    return actions.filter((a) => a.title.startsWith("标记为不是问题"));
  }

  it("is not offered without a review file beside the report", async () => {
    assert.deepEqual(await actionsAt(none), []);
  });

  it("writes the finding's decision into the review file, which check applies", async () => {
    const [action] = await actionsAt(kept);
    assert.ok(action, "offered where a review file is kept");
    assert.equal(action.kind, "quickfix");
    const [change] = action.edit!.documentChanges as TextDocumentEdit[];
    assert.equal(fileURLToPath(change.textDocument.uri), reviewFile);
    const [edit] = change.edits as TextEdit[];
    const { decisions, problems } = parseReviewFile(edit.newText);
    assert.deepEqual(problems, []);
    assert.equal(decisions.length, 1);
    assert.equal(decisions[0].decision, "dismissed");
    assert.equal(decisions[0].rule, "balance-mismatch");
    // The same fingerprint the CLI computes: the finding is left out.
    const model = parse(TEXT);
    const findings = checkModel(model);
    const prints = fingerprintFindings(model.lines.map((l) => l.text), findings, "乙镇人民政府 2021");
    const reviewed = applyReview(findings, prints, decisionMap(decisions));
    assert.equal(reviewed.excluded, 1);
  });
});
