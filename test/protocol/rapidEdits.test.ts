import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Range } from "vscode-languageserver-protocol/node";
import { applyEdits, checkText, parse } from "../../server/src/core";
import { cellOf, lineOf, skeleton } from "../services/fixtures";
import { fileUri, LspTestClient } from "./lspClient";

/**
 * Typing over LSP: a burst of small incremental edits inside the debounce
 * window costs one check, of the final text; nothing is published for a
 * version the editor has already left.
 */

const DEBOUNCE_MS = 400;

interface Keystroke {
  range: Range;
  text: string;
}

/** Replaces a table cell's 0 with 17, a keystroke at a time, then types a sentence at the end of a paragraph. */
function keystrokes(base: string): Keystroke[] {
  const cell = cellOf(parse(base), "applications", "new", "natural").contentRange;
  const { line, character } = cell.start;
  const figure = [
    { range: cell, text: "" },
    { range: { start: cell.start, end: cell.start }, text: "1" },
    { range: { start: { line, character: character + 1 }, end: { line, character: character + 1 } }, text: "7" },
  ];
  const prose = lineOf(base, "一、总体情况") + 1;
  const end = base.split("\n")[prose].length;
  const sentence = [..."本年度共收到申请17件。"].map((char, i) => ({ range: point(prose, end + i), text: char }));
  return [...figure, ...sentence];
}

const point = (line: number, character: number): Range => ({ start: { line, character }, end: { line, character } });

describe("rapid edits over LSP", () => {
  it("a burst of keystrokes within the debounce ends with one publication, for the final text", async () => {
    const client = await LspTestClient.start({ settings: { debounce: DEBOUNCE_MS } });
    const uri = fileUri("typing.govreport");
    let text = skeleton();
    client.open(uri, text);
    const strokes = keystrokes(text);
    strokes.forEach((stroke, i) => {
      text = applyEdits(text, [{ range: stroke.range, newText: stroke.text }]).text;
      void client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: i + 2 }, contentChanges: [stroke] });
    });
    const final = strokes.length + 1;
    const published = await client.diagnostics(uri, (p) => p.version === final);
    assert.deepEqual(published.diagnostics.map((d) => d.message), checkText(text).findings.map((f) => f.message.zh));
    assert.ok(published.diagnostics.length > 0, "the figure typed breaks the totals");
    assert.deepEqual(client.allDiagnostics(uri).map((p) => p.version), [final], "nothing published for an earlier version");
  });

  it("a feature request in the middle of typing answers about the text as it is now", async () => {
    const client = await LspTestClient.start({ settings: { debounce: DEBOUNCE_MS } });
    const uri = fileUri("typing-hover.govreport");
    const base = skeleton();
    client.open(uri, base);
    const cell = cellOf(parse(base), "applications", "new", "natural").contentRange;
    void client.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ range: cell, text: "5" }] });
    const total = cellOf(parse(base), "applications", "new", "total").contentRange.start;
    const hover = await client.request<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri }, position: total });
    assert.match(hover.contents.value, /自然人 5/);
  });
});
