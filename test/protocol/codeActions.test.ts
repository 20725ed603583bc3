import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { describe, it } from "node:test";
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from "vscode-languageserver-protocol/node";
import { checkText, parse } from "../../server/src/core";
import { messageOf } from "../helpers/cli";
import { CLEAN_2021, replaceOnce } from "../helpers/mutate";
import { SAMPLES_DIR, sample } from "../helpers/samples";
import { figures } from "../services/fixtures";
import { applyTextEdits, fileUri, LspTestClient } from "./lspClient";

/**
 * Every code action the server offers on the samples, requested and applied
 * over LSP: the finding it addresses is gone and no other finding appears.
 */

const names = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith(".txt")).sort();

/** Texts already checked: the “fix all of this rule” action recurs beside every finding of its rule. */
const checked = new Map<string, Map<string, number>>();

/** Findings as a multiset of rule + message (an edit may shift the columns of later findings on its line). */
function findingKeys(text: string): Map<string, number> {
  let counts = checked.get(text);
  if (!counts) checked.set(text, (counts = countFindings(text)));
  return counts;
}

function countFindings(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of checkText(text).findings) {
    const key = `${f.rule}: ${f.message.zh}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function assertNoNewFinding(before: Map<string, number>, after: Map<string, number>, title: string): void {
  for (const [key, n] of after) assert.ok(n <= (before.get(key) ?? 0), `“${title}” introduced ${key}`);
}

function editOf(action: CodeAction, uri: string, version: number) {
  const [change] = action.edit!.documentChanges as TextDocumentEdit[];
  assert.equal(change.textDocument.uri, uri);
  assert.equal(change.textDocument.version, version, "edits carry the document version");
  // The server sends plain text edits only (no snippet or annotated edits).
  return change.edits.map((e) => {
    assert.ok("newText" in e, "a plain text edit");
    return e as TextEdit;
  });
}

describe("code actions over LSP", async () => {
  const client = await LspTestClient.start();

  let applied = 0;
  for (const name of names) {
    it(`${name}: every quick fix removes its finding and adds none`, async () => {
      const uri = fileUri(`actions-${name}`);
      const text = sample(name.slice(0, 3));
      client.open(uri, text);
      const { diagnostics } = await client.diagnostics(uri);
      const before = findingKeys(text);
      for (const diagnostic of diagnostics) {
        const actions = await client.request<CodeAction[]>("textDocument/codeAction", {
          textDocument: { uri },
          range: diagnostic.range,
          context: { diagnostics: [diagnostic] },
        });
        const docs = actions.find((a) => a.command?.arguments?.[0] === diagnostic.code);
        assert.equal(docs?.command?.command, "govReport.showRuleDocs", `documentation action for ${diagnostic.code}`);
        for (const action of actions.filter((a) => a.edit)) {
          const fixed = applyTextEdits(text, editOf(action, uri, 1));
          const after = findingKeys(fixed);
          assertNoNewFinding(before, after, action.title);
          for (const target of action.diagnostics as Diagnostic[]) {
            const key = `${target.code}: ${target.message}`;
            assert.ok((after.get(key) ?? 0) < (before.get(key) ?? 0), `“${action.title}” leaves ${key}`);
          }
          applied++;
        }
      }
      client.close(uri);
    });
  }

  it("the samples had quick fixes to apply", () => assert.ok(applied > 50, `${applied} applied`));

  it("source.fixAll.gov-report applies every safe fix, keeps every figure, and is then empty", async () => {
    const uri = fileUri("fix-all.txt");
    const text = sample("003");
    client.open(uri, text);
    await client.diagnostics(uri);
    const ask = () =>
      client.request<CodeAction[]>("textDocument/codeAction", {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ["source.fixAll.gov-report"] },
      });
    const [action] = await ask();
    assert.equal(action.kind, "source.fixAll.gov-report");
    const fixed = applyTextEdits(text, editOf(action, uri, 1));
    assert.deepEqual(figures(parse(fixed)), figures(parse(text)));
    const rules = checkText(fixed).findings.map((f) => f.rule);
    for (const safe of ["conversion-artifact", "table-cell-format"]) assert.ok(!rules.includes(safe), safe);
    client.change(uri, 2, fixed);
    await client.diagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(await ask(), []);
  });

  it("a row's total against its columns and the text: both findings shown, the fixes alternatives, none preferred", async () => {
    const uri = fileUri("alternatives.txt");
    const row = "一、本年新收政府信息公开申请数量\t\t30\t5\t0\t1\t1\t0\t37";
    const text = replaceOnce(CLEAN_2021(), row, row.replace("\t30\t", "\t32\t"));
    client.open(uri, text);
    const { diagnostics } = await client.diagnostics(uri);
    const total = diagnostics.find((d) => d.code === "total-row-mismatch")!;
    assert.match(messageOf(total), /；正文写作 37件$/);
    assert.ok(diagnostics.some((d) => d.code === "narrative-table-mismatch" && messageOf(d).includes("与统计表的总计一致，但表中各项之和为 39")));
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: total.range, context: { diagnostics: [total] } });
    const [set, check] = actions;
    assert.equal(set.title, "将总计改为各列之和 39（正文写作 37 件，需一并核对）");
    assert.equal(check.title, "这一行与正文 37 件一致时，请核对各列");
    assert.deepEqual(actions.filter((a) => a.isPreferred), [], "no action is preferred");
    assert.equal(check.edit, undefined);
    assert.equal(check.command?.command, "govReport.revealRange");
    assert.equal(check.command?.arguments?.[0], uri);
    client.close(uri);
  });

  it("quick fixes only when asked for quick fixes, no source action unless asked", async () => {
    const uri = fileUri("kinds.txt");
    client.open(uri, sample("003"));
    const { diagnostics } = await client.diagnostics(uri);
    const range = diagnostics[0].range;
    const all = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range, context: { diagnostics } });
    assert.ok(all.length > 0 && all.every((a) => a.kind === "quickfix"));
    const onlySource = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range, context: { diagnostics, only: ["source"] } });
    assert.ok(onlySource.every((a) => a.kind === "source.fixAll.gov-report"));
  });
});
