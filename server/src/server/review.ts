import type { Connection } from "vscode-languageserver/node";
import { toReviewGroups } from "./convert";
import type { Locale } from "../core";
import { PREVIEW_REQUEST, REVIEW_PAGE_LIMIT, REVIEW_REQUEST, type PreviewParams, type PreviewResult, type ReviewPage, type ReviewParams, type ReviewReport } from "./reviewProtocol";
import type { Session } from "./session";
import type { CheckedFile, WorkspaceReports } from "./workspace";

/** Answers the preview (one report as published) and the 年报检查 view (every report and its findings, a page at a time). */
export function registerReviewRequests(connection: Connection, session: Session, workspace: WorkspaceReports): void {
  connection.onRequest(PREVIEW_REQUEST, async ({ uri }: PreviewParams): Promise<PreviewResult | null> => {
    const version = session.documents.get(uri)?.version;
    const html = await session.ask(uri, "preview", { locale: session.locale(uri) });
    return html === undefined || version === undefined ? null : { version, html };
  });

  connection.onRequest(REVIEW_REQUEST, async (params: ReviewParams | null): Promise<ReviewPage> => {
    const after = typeof params?.after === "string" ? params.after : undefined;
    const { files, next } = await workspace.page(after, pageLimit(params?.limit));
    return { reports: files.map((file) => reviewReport(file, session.locale(file.uri))), next };
  });
}

/** The limit asked for, within 1…REVIEW_PAGE_LIMIT (the largest when it is not a number of reports). */
const pageLimit = (limit: unknown) => (Number.isInteger(limit) && (limit as number) > 0 ? Math.min(limit as number, REVIEW_PAGE_LIMIT) : REVIEW_PAGE_LIMIT);

function reviewReport({ uri, organ, year, detected, findings, tables }: CheckedFile, locale: Locale): ReviewReport {
  return { uri, organ, year: year?.value, format: detected, findings, groups: toReviewGroups(findings, tables, locale) };
}
