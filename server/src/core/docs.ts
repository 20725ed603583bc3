/** Where each rule's documentation lives (shipped in the repository's docs/rules). */
export const DOCS_BASE = "https://github.com/gov-report/gov-report/blob/main/docs/rules/";

export function ruleDocUrl(id: string): string {
  return id ? `${DOCS_BASE}${id}.md` : DOCS_BASE;
}
