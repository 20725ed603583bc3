import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { convertTableLayout, parse, renderReport, renderTable, RULES, tableAt } from "../../server/src/core";
import {
  CONVERT_TABLE_LAYOUT_REQUEST,
  NEW_REPORT_REQUEST,
  RULE_DOCS_REQUEST,
  RULES_REQUEST,
  TABLE_LAYOUTS_REQUEST,
  TABLE_TEMPLATES_REQUEST,
  type ConvertTableLayoutResult,
  type NewReportResult,
  type RuleDocsResult,
  type RulesResult,
  type TableLayoutsResult,
  type TableTemplatesResult,
} from "../../server/src/server/commandProtocol";
import { CLEAN_2021 } from "../helpers/mutate";
import { LspTestClient } from "./lspClient";

/** The requests behind the client's editing commands: the server answers with the core's services, the client only applies. */

describe("editing command requests", () => {
  it("govReport/newReport renders the year's skeleton and names its format", async () => {
    const client = await LspTestClient.start();
    const r2020 = await client.request<NewReportResult>(NEW_REPORT_REQUEST, { year: 2020 });
    assert.equal(r2020.formatName, "2019 格式");
    assert.equal(r2020.notice, "国办公开办函〔2019〕60号");
    const r2023 = await client.request<NewReportResult>(NEW_REPORT_REQUEST, { year: 2023, organ: " 某某区人民政府 " });
    assert.equal(r2023.text, renderReport({ year: 2023, organ: "某某区人民政府" }));
    const en = await LspTestClient.start({ locale: "en" });
    assert.equal((await en.request<NewReportResult>(NEW_REPORT_REQUEST, { year: 2023 })).formatName, "2021 format");
  });

  it("govReport/tableTemplates renders the tables of the draft's format in the layout asked", async () => {
    const client = await LspTestClient.start();
    const text = CLEAN_2021();
    const result = await client.request<TableTemplatesResult>(TABLE_TEMPLATES_REQUEST, { text, layout: "pipes", eol: "\r\n" });
    const format = parse(text).format.used;
    assert.equal(result.tables.length, format.tables.length);
    assert.deepEqual(result.tables[0], { title: format.tables[0].title.zh, text: renderTable(format.tables[0], "pipes", "\r\n") });
  });

  it("govReport/tableLayouts and convertTableLayout rewrite the table at the position; null outside a table", async () => {
    const client = await LspTestClient.start();
    const text = CLEAN_2021();
    const model = parse(text);
    const line = model.lines.findIndex((_, i) => tableAt(model, { line: i, character: 0 }));
    const position = { line, character: 0 };
    assert.deepEqual(await client.request<TableLayoutsResult>(TABLE_LAYOUTS_REQUEST, { text, position }), tableAt(model, position)!.targets);
    const edit = await client.request<ConvertTableLayoutResult>(CONVERT_TABLE_LAYOUT_REQUEST, { text, position, layout: "pipes" });
    assert.deepEqual(edit, convertTableLayout(model, position, "pipes"));
    assert.equal(await client.request(TABLE_LAYOUTS_REQUEST, { text, position: { line: 0, character: 0 } }), null);
    assert.equal(await client.request(CONVERT_TABLE_LAYOUT_REQUEST, { text, position: { line: 0, character: 0 }, layout: "pipes" }), null);
  });

  it("govReport/rules and ruleDocs give every rule and its documentation; null for an unknown rule", async () => {
    const client = await LspTestClient.start({ locale: "en" });
    const rules = await client.request<RulesResult>(RULES_REQUEST, null);
    assert.deepEqual(rules, RULES.map((r) => ({ id: r.id, description: r.description.en })));
    const docs = await client.request<RuleDocsResult>(RULE_DOCS_REQUEST, { rule: "balance-mismatch" });
    assert.match(docs!, /balance-mismatch/);
    assert.equal(await client.request(RULE_DOCS_REQUEST, { rule: "no-such-rule" }), null);
  });

  it("ruleDocs speaks the language the client asks for, whatever the server's setting (a page re-rendered just after govReport.locale changed)", async () => {
    const client = await LspTestClient.start({ locale: "en" });
    const rule = RULES.find((r) => r.id === "balance-mismatch")!;
    const chinese = await client.request<RuleDocsResult>(RULE_DOCS_REQUEST, { rule: rule.id, locale: "zh-cn" });
    const english = await client.request<RuleDocsResult>(RULE_DOCS_REQUEST, { rule: rule.id });
    assert.ok(chinese!.includes(rule.description.zh) && !chinese!.includes(rule.description.en));
    assert.ok(english!.includes(rule.description.en));
  });

  it("malformed requests get InvalidParams (-32602), and the server keeps answering", async () => {
    const client = await LspTestClient.start();
    const malformed: [string, unknown][] = [
      [NEW_REPORT_REQUEST, {}],
      [NEW_REPORT_REQUEST, { year: "2023" }],
      [NEW_REPORT_REQUEST, { year: 2023, organ: 5 }],
      [TABLE_TEMPLATES_REQUEST, { layout: "tabs" }],
      [TABLE_TEMPLATES_REQUEST, { text: CLEAN_2021(), layout: "tabs", eol: { toString: "\n" } }],
      [TABLE_LAYOUTS_REQUEST, { text: CLEAN_2021() }],
      [CONVERT_TABLE_LAYOUT_REQUEST, { text: CLEAN_2021(), position: { line: "1", character: 0 }, layout: "tabs" }],
    ];
    for (const [method, params] of malformed)
      await assert.rejects(client.request(method, params), (e: { code?: number }) => e.code === -32602, `${method} ${JSON.stringify(params)}`);
    assert.equal((await client.request<NewReportResult>(NEW_REPORT_REQUEST, { year: 2023 })).formatName, "2021 格式");
  });
});
