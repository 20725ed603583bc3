import type { Connection } from "vscode-languageserver/node";
import { toReviewGroups } from "./convert";
import { PREVIEW_REQUEST, REVIEW_REQUEST, type PreviewParams, type PreviewResult, type ReviewReport } from "./reviewProtocol";
import type { Session } from "./session";
import type { WorkspaceReports } from "./workspace";

/** Answers the preview (one report as published) and the 年报检查 view (every report and its findings). */
export function registerReviewRequests(connection: Connection, session: Session, workspace: WorkspaceReports): void {
  connection.onRequest(PREVIEW_REQUEST, async ({ uri }: PreviewParams): Promise<PreviewResult | null> => {
    const version = session.documents.get(uri)?.version;
    const html = await session.ask(uri, "preview", { locale: session.locale(uri) });
    return html === undefined || version === undefined ? null : { version, html };
  });

  connection.onRequest(REVIEW_REQUEST, async (): Promise<ReviewReport[]> => {
    const reports = await workspace.all();
    return reports.map(({ uri, organ, year, detected, findings, tables }) => ({
      uri,
      organ,
      year: year?.value,
      format: detected,
      findings,
      groups: toReviewGroups(findings, tables, session.locale(uri)),
    }));
  });
}
