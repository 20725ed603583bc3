import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sample } from "../helpers/samples";
import type { CodeAction, TextDocumentEdit, TextEdit } from "vscode-languageserver-protocol/node";
import { applyTextEdits, fileUri, LspTestClient } from "./lspClient";

/** Inline disable comments in the editor: the server drops what they name, as the CLI does, and picks up a comment as it is typed. */

const rulesOf = (p: { diagnostics: { code?: string | number }[] }) => p.diagnostics.map((d) => String(d.code));
const DEBRIS_LINE = /\[bookmark: _GoBack\]/;

describe("inline disable comments over LSP", () => {
  it("disable-line, disable-next-line and a whole-file disable silence the rules they name", async () => {
    const client = await LspTestClient.start();
    const text = sample("003");
    const lines = text.split("\n");
    const debris = lines.findIndex((l) => DEBRIS_LINE.test(l));
    assert.ok(debris > 0, "sample 003 has conversion debris");

    const plain = fileUri("suppress-none.txt");
    client.open(plain, text);
    assert.ok(rulesOf(await client.diagnostics(plain)).includes("conversion-artifact"));

    const sameLine = lines.map((l, i) => (i === debris ? `${l}<!-- gov-report-disable-line conversion-artifact -->` : l)).join("\n");
    const nextLine = [...lines.slice(0, debris), "<!-- gov-report-disable-next-line conversion-artifact -->", ...lines.slice(debris)].join("\n");
    const wholeFile = `${text}\n<!-- gov-report-disable conversion-artifact table-cell-format -->\n`;
    for (const [name, variant, gone] of [
      ["suppress-line.txt", sameLine, ["conversion-artifact"]],
      ["suppress-next.txt", nextLine, ["conversion-artifact"]],
      ["suppress-file.txt", wholeFile, ["conversion-artifact", "table-cell-format"]],
    ] as const) {
      const uri = fileUri(name);
      client.open(uri, variant);
      const rules = rulesOf(await client.diagnostics(uri));
      for (const rule of gone) assert.ok(!rules.includes(rule), `${name}: ${rule} silenced`);
      assert.ok(rules.includes("title-year-missing"), `${name}: other rules still speak`);
    }
  });

  it("a comment typed into an open document silences the finding on the next check", async () => {
    const client = await LspTestClient.start();
    const uri = fileUri("suppress-typed.txt");
    const text = sample("003");
    client.open(uri, text);
    assert.ok(rulesOf(await client.diagnostics(uri)).includes("conversion-artifact"));
    client.change(uri, 2, `<!-- gov-report-disable conversion-artifact -->\n${text}`);
    const after = await client.diagnostics(uri, (p) => p.version === 2);
    assert.ok(!rulesOf(after).includes("conversion-artifact"));
  });

  it("the quick fixes 在此处忽略 and 在本文件中忽略 write the comment, and the comment is not reported in a plain-text report", async () => {
    const client = await LspTestClient.start();
    const text = sample("003");
    for (const [name, title, line] of [
      ["ignore-here.txt", "在此处忽略此规则（conversion-artifact）", (debris: number) => debris],
      ["ignore-file.txt", "在本文件中忽略“conversion-artifact”", () => 0],
    ] as const) {
      const uri = fileUri(name);
      client.open(uri, text);
      const { diagnostics } = await client.diagnostics(uri);
      const debris = diagnostics.find((d) => d.code === "conversion-artifact")!;
      const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: debris.range, context: { diagnostics: [debris] } });
      const ignore = actions.find((a) => a.title === title);
      assert.ok(ignore, `${title} among ${actions.map((a) => a.title).join(" | ")}`);
      assert.equal(ignore.isPreferred, undefined, "never the preferred fix");
      const [change] = ignore.edit!.documentChanges as TextDocumentEdit[];
      const fixed = applyTextEdits(text, change.edits as TextEdit[]);
      const comment = line(debris.range.start.line);
      assert.match(fixed.split("\n")[comment], /^<!-- gov-report-disable(-next-line)? conversion-artifact -->$/);
      client.change(uri, 2, fixed);
      const after = await client.diagnostics(uri, (p) => p.version === 2);
      const rules = rulesOf(after);
      if (name === "ignore-file.txt") assert.ok(!rules.includes("conversion-artifact"), "every debris finding of the file silenced");
      assert.deepEqual(after.diagnostics.filter((d) => d.range.start.line === comment).map((d) => d.code), [], "nothing reported on the comment line");
      assert.equal(after.diagnostics.length, diagnostics.length - (name === "ignore-file.txt" ? diagnostics.filter((d) => d.code === "conversion-artifact").length : 1));
    }
  });
});
