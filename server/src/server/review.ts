import type { Connection } from "vscode-languageserver/node";
import { pick, renderReportHtml } from "../core";
import { PREVIEW_REQUEST, REVIEW_REQUEST, type PreviewParams, type PreviewResult, type ReviewReport } from "./reviewProtocol";
import type { Session } from "./session";
import type { WorkspaceReports } from "./workspace";

/** Answers the preview (one report as published) and the 年报检查 view (every report and its findings). */
export function registerReviewRequests(connection: Connection, session: Session, workspace: WorkspaceReports): void {
  connection.onRequest(PREVIEW_REQUEST, ({ uri }: PreviewParams): PreviewResult | null => {
    const r = session.report(uri);
    return r ? { version: r.document.version, html: renderReportHtml(r.model, r.findings, r.locale) } : null;
  });

  connection.onRequest(REVIEW_REQUEST, async (): Promise<ReviewReport[]> => {
    const reports = await workspace.all();
    return reports.map(({ uri, model, findings }) => {
      const locale = session.locale(uri);
      return {
        uri,
        organ: model.organ,
        year: model.year?.value,
        format: model.format.detected,
        findings: findings.map((f) => ({ rule: f.rule, severity: f.severity, message: pick(f.message, locale), range: f.range })),
      };
    });
  });
}
