import type { FormatId } from "../core/formats";

/**
 * Names shared by the server and the client beyond LSP itself. Only types
 * are imported, so the client bundle takes nothing else from the server.
 */

/** Sent after each validation so the status bar can show the report's format. */
export const STATUS_NOTIFICATION = "govReport/status";

export interface ReportStatus {
  uri: string;
  /** "report": checked; "too-large": over govReport.maxDocumentSize; "silent": not checked. */
  state: "report" | "too-large" | "silent";
  /** The format the report follows, when checked. */
  format?: FormatId;
}

/** Client commands the server's code actions and lenses invoke. */
export const SHOW_RULE_DOCS_COMMAND = "govReport.showRuleDocs";
/** Arguments: document URI, LSP range. */
export const REVEAL_RANGE_COMMAND = "govReport.revealRange";
/** Arguments: a FixAllSummary (core/services/codeActions.ts); run once a fix-all's edit is applied. */
export const FIX_ALL_REPORT_COMMAND = "govReport.fixAllReport";
/** The client commands above, for `initializationOptions.commands`: a client that names them is offered the actions that run them. */
export const CLIENT_COMMANDS = [SHOW_RULE_DOCS_COMMAND, REVEAL_RANGE_COMMAND, FIX_ALL_REPORT_COMMAND];
export interface InitializationOptions {
  commands?: string[];
  /** Diagnostics pushed even to a client that can pull them: the VS Code client's status bar follows the pushed ones. */
  pushDiagnostics?: boolean;
}

export const FIX_ALL_KIND = "source.fixAll.gov-report";
