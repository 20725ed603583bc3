import { ErrorCodes, ResponseError, type Connection } from "vscode-languageserver/node";
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

/** A malformed request is answered with InvalidParams, never with a report for "undefined年" or a stack trace. */
function expect(ok: boolean, what: string): void {
  if (!ok) throw new ResponseError(ErrorCodes.InvalidParams, `invalid params: ${what}`);
}
const isYear = (y: unknown) => Number.isInteger(y) && (y as number) >= 1990 && (y as number) <= 2100;
const EOLS: unknown[] = ["\n", "\r\n", "\r"];
const isText = (params: { text?: unknown } | undefined) => typeof params?.text === "string";
const isPosition = (p: unknown) => typeof p === "object" && p !== null && Number.isInteger((p as { line?: unknown }).line) && Number.isInteger((p as { character?: unknown }).character);

/** The editing commands' requests: each a few lines over a core service. */
export function registerCommandRequests(connection: Connection, session: Session): void {
  const locale = () => session.locale(UNTITLED);

  connection.onRequest(NEW_REPORT_REQUEST, (params: NewReportParams): NewReportResult => {
    const { year, organ } = params ?? {};
    expect(isYear(year), "year must be an integer between 1990 and 2100");
    expect(organ === undefined || typeof organ === "string", "organ must be a string");
    const format = formatForYear(year);
    return { text: renderReport({ year, organ: organ?.trim() || undefined }), formatName: pick(format.name, locale()), notice: format.notice };
  });

  connection.onRequest(TABLE_TEMPLATES_REQUEST, (params: TableTemplatesParams): TableTemplatesResult => {
    expect(isText(params), "text must be a string");
    expect(EOLS.includes(params.eol), 'eol must be "\\n", "\\r\\n" or "\\r"');
    const { text, layout, eol } = params;
    const format = parse(text).format.used;
    const tables = format.tables.map((table) => ({ title: pick(table.title, locale()), text: renderTable(table, layout, eol) }));
    return { formatName: pick(format.name, locale()), notice: format.notice, tables };
  });

  connection.onRequest(TABLE_LAYOUTS_REQUEST, (params: TableLayoutsParams): TableLayoutsResult => {
    expect(isText(params) && isPosition(params.position), "text and position required");
    return tableAt(parse(params.text), params.position)?.targets ?? null;
  });

  connection.onRequest(CONVERT_TABLE_LAYOUT_REQUEST, (params: ConvertTableLayoutParams): ConvertTableLayoutResult => {
    expect(isText(params) && isPosition(params.position) && typeof params.layout === "string", "text, position and layout required");
    return convertTableLayout(parse(params.text), params.position, params.layout) ?? null;
  });

  connection.onRequest(RULES_REQUEST, (): RulesResult => RULES.map((rule) => ({ id: rule.id, description: pick(rule.description, locale()) })));

  connection.onRequest(RULE_DOCS_REQUEST, ({ rule, locale: asked }: RuleDocsParams): RuleDocsResult => {
    const found = ruleById(rule);
    return found ? ruleDocumentation(found, asked === "en" || asked === "zh-cn" ? asked : locale()) : null;
  });
}
