import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runCli, ungrouped } from "../helpers/cli";
import { SAMPLES_DIR, sample } from "../helpers/samples";
import { fileUri, LspTestClient } from "./lspClient";

/** Each sample opened over real LSP gets the diagnostics the CLI reports for it (a table's grouped findings undone: grouping.test.ts), with rule ids and documentation links. */

interface CliDiagnostic {
  rule: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const names = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith(".txt")).sort();

describe("diagnostics over LSP", async () => {
  const client = await LspTestClient.start();

  for (const name of names) {
    it(`${name}: the same findings as gov-report check`, async () => {
      const uri = fileUri(name);
      client.open(uri, sample(name.slice(0, 3)), "plaintext");
      const published = await client.diagnostics(uri);
      const cli = JSON.parse(runCli(["check", "--format", "json", "--locale", "zh-cn", join(SAMPLES_DIR, name)]).stdout)[0].diagnostics as CliDiagnostic[];
      const fromServer = ungrouped(published.diagnostics).map((d) => ({
        rule: d.code,
        message: d.message,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
      }));
      assert.ok(cli.length > 0, "every sample has findings");
      assert.deepEqual(fromServer, cli.map(({ rule, message, line, column, endLine, endColumn }) => ({ rule, message, line, column, endLine, endColumn })));
      for (const d of published.diagnostics) {
        assert.equal(d.source, "gov-report");
        assert.equal(d.codeDescription?.href, `https://github.com/gov-report/gov-report/blob/main/docs/rules/${d.code}.md`);
      }
      assert.equal(published.version, 1);
      client.close(uri);
    });
  }

  it("messages follow the client's display language", async () => {
    const en = await LspTestClient.start({ locale: "en-US" });
    const uri = fileUri("en.txt");
    en.open(uri, sample("003"));
    const published = await en.diagnostics(uri);
    const cli = JSON.parse(runCli(["check", "--format", "json", "--locale", "en", join(SAMPLES_DIR, names[3])]).stdout)[0].diagnostics as CliDiagnostic[];
    assert.deepEqual(ungrouped(published.diagnostics).map((d) => d.message), cli.map((d) => d.message));
  });
});
