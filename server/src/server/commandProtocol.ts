import type { TemplateLayout } from "../core/templates";
import type { Locale, Position, TextEdit } from "../core/types";

/**
 * Requests behind the client's editing commands (新建年度报告, 插入标准表格,
 * 转换表格布局, 显示规则说明), shared by the server and the client. The core
 * answers in the server; the client only asks, picks and applies. The
 * draft's text travels with the request, so a command works on any
 * document, checked or not. Messages are in the session's locale. Only
 * names and types: the client bundle takes nothing else.
 */

/** 新建年度报告: the skeleton of the year's format. */
export const NEW_REPORT_REQUEST = "govReport/newReport";

export interface NewReportParams {
  year: number;
  /** Omitted: only the format is wanted (the organ is asked next). */
  organ?: string;
}

export interface NewReportResult {
  text: string;
  /** The format the year follows: its name and the notice that set it. */
  formatName: string;
  notice: string;
}

/** 插入标准表格: the tables of the draft's format, rendered in the layout asked. */
export const TABLE_TEMPLATES_REQUEST = "govReport/tableTemplates";

export interface TableTemplatesParams {
  text: string;
  layout: TemplateLayout;
  eol: string;
}

export interface TableTemplatesResult {
  formatName: string;
  notice: string;
  tables: { title: string; text: string }[];
}

/** 转换表格布局: the layouts the table at the position can be rewritten in (null: no table there). */
export const TABLE_LAYOUTS_REQUEST = "govReport/tableLayouts";

export interface TableLayoutsParams {
  text: string;
  position: Position;
}

export type TableLayoutsResult = TemplateLayout[] | null;

/** 转换表格布局: the edit that rewrites the table at the position (null: no table, or nothing to do). */
export const CONVERT_TABLE_LAYOUT_REQUEST = "govReport/convertTableLayout";

export interface ConvertTableLayoutParams extends TableLayoutsParams {
  layout: TemplateLayout;
}

export type ConvertTableLayoutResult = TextEdit | null;

/** 显示规则说明: every rule with its one-line description. */
export const RULES_REQUEST = "govReport/rules";

export type RulesResult = { id: string; description: string }[];

/** 显示规则说明: one rule's documentation as Markdown (null: no such rule). */
export const RULE_DOCS_REQUEST = "govReport/ruleDocs";

export interface RuleDocsParams {
  rule: string;
  /** The page's language; the server's own (govReport.locale) when absent. */
  locale?: Locale;
}

export type RuleDocsResult = string | null;
