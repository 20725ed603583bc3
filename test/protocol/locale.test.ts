import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, it } from "node:test";
import { readFileSync, writeFileSync } from "node:fs";
import type { CodeLens, DocumentSymbol, Hover, PublishDiagnosticsParams } from "vscode-languageserver-protocol/node";
import { checkText, parse } from "../../server/src/core";
import { tempDir } from "../helpers/cli";
import { sample } from "../helpers/samples";
import { cellOf, withFigure, skeleton } from "../services/fixtures";
import { fileUri, LspTestClient } from "./lspClient";

/** govReport.locale over LSP: it overrides .govreportrc.json, which overrides the client's display language; applied live. */

const messages = (text: string, locale: "zh" | "en") => checkText(text).findings.map((f) => f.message[locale]);
const texts = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.message));
/** Accepts the diagnostics that carry exactly these messages (a check scheduled before a change may still publish the old ones). */
const saying = (expected: string[]) => (p: PublishDiagnosticsParams) => JSON.stringify(texts(p)) === JSON.stringify(expected);

/** The settings VS Code sends when the user set none: package.json's defaults. */
const manifest = JSON.parse(readFileSync(join(import.meta.dirname, "../../package.json"), "utf8"));
const defaultLocale = manifest.contributes.configuration.properties["govReport.locale"].default;

describe("locale setting over LSP", () => {
  it("VS Code's default is Chinese: an English display language still gets Chinese messages and outline", async () => {
    assert.equal(defaultLocale, "zh-cn");
    const client = await LspTestClient.start({ locale: "en", settings: { locale: defaultLocale } });
    const uri = fileUri("default-locale.govreport");
    const text = withFigure(skeleton(), "applications", "new", "natural", "1");
    client.open(uri, text);
    assert.deepEqual(texts(await client.diagnostics(uri)), messages(text, "zh"));
    const [title] = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
    assert.equal(title.detail, "2021 格式");
  });

  it("the outline answers in the new language as soon as the setting changed", async () => {
    const client = await LspTestClient.start({ settings: { locale: "zh-cn" } });
    const uri = fileUri("outline-locale.govreport");
    client.open(uri, skeleton());
    await client.diagnostics(uri);
    const mark = client.refreshCount;
    await client.configure({ locale: "en" });
    // The server has applied the setting once it asks the client to refresh its views.
    await client.refreshed("workspace/codeLens/refresh", mark);
    const [title] = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
    assert.equal(title.detail, "2021 format");
  });

  it("switching govReport.locale re-publishes the diagnostics and re-asks the lenses in the new language", async () => {
    const client = await LspTestClient.start({ locale: "zh-cn" });
    const uri = fileUri("locale.govreport");
    const text = withFigure(skeleton(), "applications", "new", "natural", "1");
    client.open(uri, text);
    assert.deepEqual(texts(await client.diagnostics(uri)), messages(text, "zh"));

    let mark = client.diagnosticsCount;
    const refreshMark = client.refreshCount;
    await client.configure({ locale: "en" });
    await client.diagnostics(uri, saying(messages(text, "en")), mark);
    await client.refreshed("workspace/codeLens/refresh", refreshMark);
    const [lens] = await client.request<CodeLens[]>("textDocument/codeLens", { textDocument: { uri } });
    assert.equal(lens.command!.title, "Relations: 2 mismatches");
    const total = cellOf(parse(text), "applications", "new", "total");
    const hover = await client.request<Hover>("textDocument/hover", { textDocument: { uri }, position: total.contentRange.start });
    assert.doesNotMatch((hover.contents as { value: string }).value, /自然人 2|应等于/);

    mark = client.diagnosticsCount;
    await client.configure({ locale: "auto" });
    await client.diagnostics(uri, saying(messages(text, "zh")), mark);
  });

  it("with locale auto, .govreportrc.json's locale wins over the display language; the setting wins over both", async () => {
    const folder = tempDir();
    writeFileSync(join(folder, ".govreportrc.json"), JSON.stringify({ locale: "en" }));
    const client = await LspTestClient.start({ locale: "zh-cn", workspaceFolder: folder });
    const uri = pathToFileURL(join(folder, "draft.txt")).href;
    const text = sample("003");
    client.open(uri, text);
    assert.deepEqual(texts(await client.diagnostics(uri)), messages(text, "en"));
    const mark = client.diagnosticsCount;
    await client.configure({ locale: "zh-cn" });
    await client.diagnostics(uri, saying(messages(text, "zh")), mark);
  });
});
