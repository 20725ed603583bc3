import { REVIEW_REQUEST, type ReviewPage, type ReviewParams, type ReviewReport } from "../../server/src/server/reviewProtocol";
import type { LspTestClient } from "./lspClient";

/** Every report of the 年报检查 view's request, page after page as the view asks, with the pages' sizes. */
export async function reviewPages(client: LspTestClient, limit?: number): Promise<{ reports: ReviewReport[]; sizes: number[] }> {
  const reports: ReviewReport[] = [];
  const sizes: number[] = [];
  let params: ReviewParams = { limit };
  for (;;) {
    const page = await client.request<ReviewPage>(REVIEW_REQUEST, params);
    reports.push(...page.reports);
    sizes.push(page.reports.length);
    if (page.next === undefined) return { reports, sizes };
    params = { after: page.next, limit };
  }
}

/** Every report of the 年报检查 view's request. */
export async function reviewReports(client: LspTestClient): Promise<ReviewReport[]> {
  return (await reviewPages(client)).reports;
}
