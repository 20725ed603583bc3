import type { Connection } from "vscode-languageserver/node";
import { convertTableLayout, formatForYear, parse, pick, renderReport, renderTable, ruleById, ruleDocumentation, RULES, tableAt } from "../core";
import {
  CONVERT_TABLE_LAYOUT_REQUEST,
  NEW_REPORT_REQUEST,
  RULE_DOCS_REQUEST,
  RULES_REQUEST,
  TABLE_LAYOUTS_REQUEST,
  TABLE_TEMPLATES_REQUEST,
  type ConvertTableLayoutParams,
  type ConvertTableLayoutResult,
  type NewReportParams,
  type NewReportResult,
  type RuleDocsParams,
  type RuleDocsResult,
  type RulesResult,
  type TableLayoutsParams,
  type TableLayoutsResult,
  type TableTemplatesParams,
  type TableTemplatesResult,
} from "./commandProtocol";
import type { Session } from "./session";

/** Drafts sent with a request have no URI: the session's locale for untitled documents applies. */
const UNTITLED = "untitled:command";

/** The editing commands' requests: each a few lines over a core service. */
export function registerCommandRequests(connection: Connection, session: Session): void {
  const locale = () => session.locale(UNTITLED);

  connection.onRequest(NEW_REPORT_REQUEST, ({ year, organ }: NewReportParams): NewReportResult => {
    const format = formatForYear(year);
    return { text: renderReport({ year, organ: organ?.trim() || undefined }), formatName: pick(format.name, locale()), notice: format.notice };
  });

  connection.onRequest(TABLE_TEMPLATES_REQUEST, ({ text, layout, eol }: TableTemplatesParams): TableTemplatesResult => {
    const format = parse(text).format.used;
    const tables = format.tables.map((table) => ({ title: pick(table.title, locale()), text: renderTable(table, layout, eol) }));
    return { formatName: pick(format.name, locale()), notice: format.notice, tables };
  });

  connection.onRequest(TABLE_LAYOUTS_REQUEST, ({ text, position }: TableLayoutsParams): TableLayoutsResult => tableAt(parse(text), position)?.targets ?? null);

  connection.onRequest(CONVERT_TABLE_LAYOUT_REQUEST, ({ text, position, layout }: ConvertTableLayoutParams): ConvertTableLayoutResult => convertTableLayout(parse(text), position, layout) ?? null);

  connection.onRequest(RULES_REQUEST, (): RulesResult => RULES.map((rule) => ({ id: rule.id, description: pick(rule.description, locale()) })));

  connection.onRequest(RULE_DOCS_REQUEST, ({ rule }: RuleDocsParams): RuleDocsResult => {
    const found = ruleById(rule);
    return found ? ruleDocumentation(found, locale()) : null;
  });
}
