import { ACCEPTED_MARK, RULES, groupFindings, pick, type Finding, type Locale } from "../core";
import { ruleDocUrl } from "../core/docs";
import { describeWordLocation, type WordLocation } from "../docx/locations";
import { shownPath, uriReference } from "../node/files";
import { isFixable, type ReportDigest } from "./digest";

/** The CLI's output formats. JSON is a contract: 1-based lines and columns. */

export interface FileResult {
  file: string;
  findings: Finding[];
  /** An I/O problem instead of findings. */
  problem?: string;
  /** A note about how the file was read (e.g. its encoding). */
  note?: string;
  /** For a .docx: the Word location (paragraph, or table cell) of each finding's start, in the findings' order, shown instead of line and column. */
  word?: (WordLocation | undefined)[];
  /** Where the report's tables stand: stylish output groups their findings (JSON and SARIF list every one). */
  digest?: Pick<ReportDigest, "tables">;
  /** Each finding's fingerprint (core/review.ts), in the findings' order: a review file's decisions name findings by it. */
  fingerprints?: string[];
  /** With a review file: whether the reviewer accepted each finding, in the findings' order. */
  accepted?: boolean[];
  /** Findings a reviewer dismissed, not among findings. */
  excluded?: number;
  /** Whether each finding can be fixed, in the findings' order, when its fixes are no longer kept (cli/digest.ts). */
  fixable?: boolean[];
}

/** line:column, or for a .docx where the finding (the file's i-th) stands in Word. */
function where(r: FileResult, f: Finding, i: number, locale: Locale): string {
  const word = r.word?.[i];
  return word ? pick(describeWordLocation(word), locale) : `${f.range.start.line + 1}:${f.range.start.character + 1}`;
}

/**
 * Indented for a person reading a terminal; on one line when piped or written to a file, as
 * linters' JSON usually is: a folder of 1,000 reports gives 5 MB instead of 7, and takes
 * less time to write (the figure in docs/performance.md).
 */
export function toJson(results: FileResult[], locale: Locale, indented = false): string {
  return JSON.stringify(
    results.map((r) => jsonResult(r, locale)),
    null,
    indented ? 2 : undefined,
  );
}

// Objects built field by field, in the order the JSON contract writes them: a spread of optional
// fields into each of the tens of thousands of findings of a batch took V8's slow path.
function jsonResult(r: FileResult, locale: Locale): object {
  const out: Record<string, unknown> = { file: r.file };
  if (r.problem) out.error = r.problem;
  out.diagnostics = r.findings.map((f, i) => {
    const d: Record<string, unknown> = {
      rule: f.rule,
      severity: f.severity,
      message: pick(f.message, locale),
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
    };
    if (r.word) d.word = r.word[i];
    if (r.fingerprints) d.fingerprint = r.fingerprints[i];
    if (r.accepted?.[i]) d.accepted = true;
    d.fixable = r.fixable ? r.fixable[i] : isFixable(f);
    return d;
  });
  return out;
}

const SARIF_LEVEL = { error: "error", warning: "warning", info: "note", hint: "note" } as const;

export function toSarif(results: FileResult[], locale: Locale, version: string): string {
  return JSON.stringify(
    {
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      version: "2.1.0",
      runs: [
        {
          tool: {
            driver: {
              name: "gov-report",
              version,
              informationUri: ruleDocUrl(""),
              rules: RULES.map((r) => ({
                id: r.id,
                shortDescription: { text: pick(r.description, locale) },
                helpUri: ruleDocUrl(r.id),
                defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
              })),
            },
          },
          results: results.flatMap((r) =>
            r.findings.map((f, i) => ({
              ruleId: f.rule,
              level: SARIF_LEVEL[f.severity],
              message: { text: pick(f.message, locale) },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: uriReference(r.file) },
                    // Lines and columns of a .docx are those of its converted text: the Word location replaces them.
                    ...(r.word
                      ? {}
                      : {
                          region: {
                            startLine: f.range.start.line + 1,
                            startColumn: f.range.start.character + 1,
                            endLine: f.range.end.line + 1,
                            endColumn: f.range.end.character + 1,
                          },
                        }),
                  },
                  ...(r.word ? { logicalLocations: [{ name: where(r, f, i, locale), kind: "element" }] } : {}),
                },
              ],
            })),
          ),
        },
      ],
    },
    null,
    2,
  );
}

const color = (code: number, s: string, on: boolean) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

export function toStylish(results: FileResult[], locale: Locale, useColor: boolean): string {
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  let grouped = false;
  let excluded = 0;
  for (const r of results) {
    excluded += r.excluded ?? 0;
    if (!r.findings.length && !r.problem) continue;
    out.push(color(4, shownPath(r.file), useColor));
    if (r.problem) out.push(`  ${color(31, locale === "en" ? "error" : "错误", useColor)}  ${r.problem}`);
    for (const f of r.findings) counts[f.severity]++;
    // A table's cells with one problem are one line (core/group.ts), at the place of the first; the counts below still count every cell.
    for (const { finding, group } of groupFindings(r.findings, r.digest?.tables ?? [])) {
      grouped ||= group !== undefined;
      const f = finding ?? group.members[0];
      const severity = finding ? f.severity : group.severity;
      const sev = severity === "error" ? color(31, severity, useColor) : severity === "warning" ? color(33, severity, useColor) : color(36, severity, useColor);
      const accepted = finding && r.accepted?.[r.findings.indexOf(f)] ? pick(ACCEPTED_MARK, locale) + " " : "";
      const message = accepted + pick(finding ? f.message : r.word ? group.what : group.message, locale);
      out.push(`  ${where(r, f, r.findings.indexOf(f), locale).padEnd(8)} ${sev.padEnd(useColor ? 16 : 7)}  ${message}  ${color(90, f.rule, useColor)}`);
    }
    out.push("");
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  out.push(
    locale === "en"
      ? `${total} problems (${counts.error} errors, ${counts.warning} warnings, ${counts.info + counts.hint} notes) in ${results.length} files`
      : `共 ${results.length} 个文件，${total} 个问题（错误 ${counts.error}，警告 ${counts.warning}，提示 ${counts.info + counts.hint}）`,
  );
  if (excluded) out.push(locale === "en" ? `${excluded} dismissed in the review file, not shown` : `已排除 ${excluded} 个（审核记录中标为不是问题）`);
  if (grouped)
    out.push(
      locale === "en"
        ? "Findings of one rule in one table are shown as one line; --format json lists each one."
        : "同一表格中的同类问题合并为一行显示；--format json 逐处列出。",
    );
  return out.join("\n");
}
