import type { ReportModel } from "./model";
import type { Finding } from "./rules/types";
import type { Localized } from "./types";

/**
 * A review that remembers: a reviewer's decision on a finding (accepted — the
 * report must change; dismissed — not a problem) is kept with a fingerprint
 * of the finding that does not depend on line numbers: the rule, the report's
 * identity, the text the finding points at and the rest of its line. Edits
 * elsewhere in the report leave the fingerprint as it was; a change to the
 * finding's own text gives a new one, and the decision no longer applies.
 * The review file (.govreport-review.json) is read and written by the adapters.
 */

export type Decision = "accepted" | "dismissed";

export interface ReviewDecision {
  fingerprint: string;
  decision: Decision;
  /** Why a finding is not a problem (dismissed). */
  reason?: string;
  /** For a person reading the file: the rule, the report and the text the finding points at. */
  rule?: string;
  report?: string;
  quote?: string;
}

export interface ReviewFile {
  version: 1;
  decisions: ReviewDecision[];
}

/** What identifies a report across edits: its organ and year when both are known, else its file's name. */
export function reviewReportKey(identity: { organ?: string; year?: number }, fileName: string): string {
  return identity.organ && identity.year ? `${identity.organ} ${identity.year}` : fileName;
}

/** The text a finding points at, its lines joined. */
export function quotedText(lines: readonly string[], f: Finding): string {
  const { start, end } = f.range;
  const parts: string[] = [];
  for (let i = start.line; i <= end.line && i < lines.length; i++) {
    const text = lines[i] ?? "";
    parts.push(text.slice(i === start.line ? start.character : 0, i === end.line ? end.character : text.length));
  }
  return parts.join("\n");
}

/** The code units JavaScript's \s matches: what a fingerprint folds into one space. */
function isWhite(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * 64-bit FNV-1a (as two 32-bit halves) of UTF-16 code units, fed piece by
 * piece: a finding's fingerprint is hashed straight from the line's text,
 * without building the normalised strings (a report's table rows hold many
 * findings each, and the copies cost more than the checks). The loops keep
 * the halves in locals: a batch runs them mostly before V8 has optimised
 * them, where each property write and call per code unit counts.
 */
const FNV_PRIME = 0x01000193;

class Fingerprint {
  constructor(
    private h1 = 0x811c9dc5,
    private h2 = 0xcbf29ce4,
  ) {}

  copy(): Fingerprint {
    return new Fingerprint(this.h1, this.h2);
  }

  unit(c: number): this {
    this.h1 = Math.imul(this.h1 ^ c, FNV_PRIME) >>> 0;
    this.h2 = Math.imul(this.h2 ^ c ^ (this.h1 >>> 16), FNV_PRIME) >>> 0;
    return this;
  }

  text(s: string): this {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, FNV_PRIME) >>> 0;
      h2 = Math.imul(h2 ^ c ^ (h1 >>> 16), FNV_PRIME) >>> 0;
    }
    this.h1 = h1;
    this.h2 = h2;
    return this;
  }

  /** Whether folded text has begun (a space before it is dropped), and whether a space is pending. */
  private started = false;
  private space = false;

  /**
   * Starts a text whose runs of white space are one space and whose ends are
   * trimmed (re-aligning a table or a line does not change what a finding is
   * about); it is fed by folded(), piece by piece.
   */
  fold(): this {
    this.started = false;
    this.space = false;
    return this;
  }

  /** s[from, to) as the next piece of the folded text; `afterBreak`: a line break stands before it (a quote over several lines). */
  folded(s: string, from: number, to: number, afterBreak = false): this {
    let h1 = this.h1;
    let h2 = this.h2;
    let started = this.started;
    let space = afterBreak ? started : this.space;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      // isWhite, asked only of the few code units that may be white: ASCII and CJK text are answered here.
      if (c < 0x3001 ? (c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 0xa0 && isWhite(c)) : c === 0xfeff) {
        space = started;
        continue;
      }
      if (space) {
        h1 = Math.imul(h1 ^ 32, FNV_PRIME) >>> 0;
        h2 = Math.imul(h2 ^ 32 ^ (h1 >>> 16), FNV_PRIME) >>> 0;
      }
      h1 = Math.imul(h1 ^ c, FNV_PRIME) >>> 0;
      h2 = Math.imul(h2 ^ c ^ (h1 >>> 16), FNV_PRIME) >>> 0;
      started = true;
      space = false;
    }
    this.h1 = h1;
    this.h2 = h2;
    this.started = started;
    this.space = space;
    return this;
  }

  hex(): string {
    return hex32(this.h1) + hex32(this.h2);
  }
}

/** Each byte's two hex digits: a fingerprint is written from these, not by Number#toString(16) and padStart. */
const HEX_BYTES = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));
const hex32 = (h: number) => HEX_BYTES[h >>> 24] + HEX_BYTES[(h >>> 16) & 255] + HEX_BYTES[(h >>> 8) & 255] + HEX_BYTES[h & 255];

/**
 * Each finding's fingerprint, in the findings' order: its rule, the report,
 * and the text before it on its line, its quoted text and the text after it,
 * each with its white space folded. Findings whose all of these are the same
 * (a repeated line) are told apart by their order among themselves.
 */
export function fingerprintFindings(lines: readonly string[], findings: readonly Finding[], report: string): string[] {
  const seen = new Map<string, number>();
  // Every finding of a rule starts from the same rule and report: hashed once per rule.
  const heads = new Map<string, Fingerprint>();
  const head = (rule: string) => heads.get(rule) ?? heads.set(rule, new Fingerprint().text(rule).unit(0).text(report).unit(0)).get(rule)!;
  return findings.map((f) => {
    const { start, end } = f.range;
    const first = lines[start.line] ?? "";
    const last = lines[end.line] ?? "";
    const print = head(f.rule).copy().fold().folded(first, 0, Math.min(start.character, first.length)).unit(0).fold();
    for (let i = start.line; i <= end.line && i < lines.length; i++) {
      const s = lines[i] ?? "";
      print.folded(s, i === start.line ? Math.min(start.character, s.length) : 0, i === end.line ? Math.min(end.character, s.length) : s.length, i > start.line);
    }
    print.unit(0).fold().folded(last, Math.min(end.character, last.length), last.length);
    const key = print.hex();
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return n ? print.unit(0).text(String(n)).hex() : key;
  });
}

/** A report's findings once the review is applied: dismissed ones left out and counted, accepted ones marked. */
export interface ReviewedFindings<F> {
  findings: F[];
  /** Indexes into the given findings of those kept, in order. */
  kept: number[];
  /** Per kept finding: accepted by the reviewer. */
  accepted: boolean[];
  excluded: number;
}

export function applyReview<F>(findings: readonly F[], fingerprints: readonly string[], decisions: ReadonlyMap<string, ReviewDecision>): ReviewedFindings<F> {
  const kept: number[] = [];
  const accepted: boolean[] = [];
  findings.forEach((_, i) => {
    const d = decisions.get(fingerprints[i]);
    if (d?.decision === "dismissed") return;
    kept.push(i);
    accepted.push(d?.decision === "accepted");
  });
  return { findings: kept.map((i) => findings[i]), kept, accepted, excluded: findings.length - kept.length };
}

/** How an accepted finding's message starts, wherever it is shown (the CLI's outputs, the editor). */
export const ACCEPTED_MARK: Localized = { zh: "[已确认]", en: "[accepted]" };

/** The decisions that apply to a report (its folder's review file) and the name of its file, for its fingerprints. */
export interface ReportReview {
  decisions: ReadonlyMap<string, ReviewDecision>;
  fileName: string;
}

/**
 * A report's findings as a reviewer left them, for a view that shows only
 * findings (the editor): dismissed ones left out, accepted ones' messages
 * marked with ACCEPTED_MARK.
 */
export function reviewedFindings(model: ReportModel, findings: Finding[], review: ReportReview): Finding[] {
  if (!review.decisions.size) return findings;
  const report = reviewReportKey({ organ: model.organ, year: model.year?.value }, review.fileName);
  const r = applyReview(findings, fingerprintFindings(model.lines.map((l) => l.text), findings, report), review.decisions);
  return r.findings.map((f, i) => (r.accepted[i] ? { ...f, message: { zh: `${ACCEPTED_MARK.zh} ${f.message.zh}`, en: `${ACCEPTED_MARK.en} ${f.message.en}` } } : f));
}

/** Reads a review file's text; entries that are not decisions are left out and named. */
export function parseReviewFile(text: string): { decisions: ReviewDecision[]; problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { decisions: [], problems: ["审核记录不是有效的 JSON / the review file is not valid JSON"] };
  }
  const list = (data as { decisions?: unknown })?.decisions;
  if (!Array.isArray(list)) return { decisions: [], problems: ["审核记录缺少 decisions 列表 / the review file has no decisions list"] };
  const decisions: ReviewDecision[] = [];
  const problems: string[] = [];
  list.forEach((d: Partial<ReviewDecision>, i) => {
    if (d && typeof d.fingerprint === "string" && (d.decision === "accepted" || d.decision === "dismissed")) decisions.push(d as ReviewDecision);
    else problems.push(`审核记录第 ${i + 1} 项无效 / decision ${i + 1} is not valid`);
  });
  return { decisions, problems };
}

export function decisionMap(decisions: readonly ReviewDecision[]): Map<string, ReviewDecision> {
  return new Map(decisions.map((d) => [d.fingerprint, d]));
}

/** The review file's text: decisions in a stable order, so that it diffs well. */
export function formatReviewFile(decisions: readonly ReviewDecision[]): string {
  const sorted = [...decisions].sort((a, b) => (a.report ?? "").localeCompare(b.report ?? "") || a.fingerprint.localeCompare(b.fingerprint));
  return JSON.stringify({ version: 1, decisions: sorted } satisfies ReviewFile, null, 2) + "\n";
}

/** Decisions whose finding no longer occurs among the given fingerprints. */
export function staleDecisions(decisions: readonly ReviewDecision[], occurring: ReadonlySet<string>): ReviewDecision[] {
  return decisions.filter((d) => !occurring.has(d.fingerprint));
}

/** A finding the editor offers to mark 不是问题: its decision's fields besides the decision. */
export interface Decidable {
  fingerprint: string;
  rule: string;
  report: string;
  quote: string;
  finding: Finding;
}

/** The findings that touch a range (the editor's selection or cursor), with what a decision on each records. */
export function decidableAt(lines: readonly string[], findings: readonly Finding[], range: Finding["range"], report: string): Decidable[] {
  const prints = fingerprintFindings(lines, findings, report);
  const before = (a: Finding["range"]["start"], b: Finding["range"]["start"]) => a.line < b.line || (a.line === b.line && a.character < b.character);
  return findings.flatMap((f, i) =>
    before(f.range.end, range.start) || before(range.end, f.range.start) ? [] : [{ fingerprint: prints[i], rule: f.rule, report, quote: quotedText(lines, f), finding: f }],
  );
}
