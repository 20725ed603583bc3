import type { ReportModel } from "../model";
import { sentences } from "../narrative";
import { lineRange, localized, type Localized } from "../types";
import { cellValue, reviewCases } from "./figures";
import type { Report } from "./types";

/**
 * Statements without a figure that still contradict the tables: every
 * application handled while table 三 carries some over, none received while
 * table 三 has new ones, no reconsideration or lawsuit while table 四 counts
 * cases. Each is read in one sentence of sections 一, 三 and 四, worded
 * strictly (未收到当面申请 says nothing of the other channels and is left alone).
 */
interface Claim {
  pattern: RegExp;
  /** The sentence speaks of something else, or of only some of them. */
  unless?: RegExp;
  /** Whether the tables could say anything against the claim: most reports' tables cannot, and their text is not read. */
  contestable(model: ReportModel): boolean;
  /** What the tables say against the claim, if they do. */
  contradiction(model: ReportModel, match: RegExpExecArray): Localized | undefined;
}

const positive = (v: number | undefined): v is number => v !== undefined && v > 0;

const CLAIMS: Claim[] = [
  {
    pattern: /均已(?:按时|依法)?(?:办结|答复)|全部(?:按时|依法)?办结|已全部(?:按时|依法)?(?:办结|答复)/,
    unless: /结转|上年|其余|其他|除|尚有|正在|仍在|建议|提案|信访|复议|诉讼/,
    contestable: (model) => positive(cellValue(model, "applications", "forward", "total")),
    contradiction(model, m) {
      const forward = cellValue(model, "applications", "forward", "total");
      if (!positive(forward) || !/申请/.test(m.input)) return undefined;
      return localized(
        `正文称“${m[0]}”，但表三“四、结转下年度继续办理”总计为 ${forward}`,
        `The text says “${m[0]}”, but table 三 carries ${forward} over to next year`,
      );
    },
  },
  {
    pattern: /(?:未|没有)(?:收到|接到|受理)(?:过)?(?:任何)?(?:政府信息公开|依申请公开|信息公开)?申请/,
    unless: /上年|以前|往年/,
    contestable: (model) => positive(cellValue(model, "applications", "new", "total")),
    contradiction(model, m) {
      const received = cellValue(model, "applications", "new", "total");
      if (!positive(received)) return undefined;
      return localized(
        `正文称“${m[0]}”，但表三“一、本年新收政府信息公开申请数量”总计为 ${received}`,
        `The text says no application was received, but table 三 counts ${received} new ones`,
      );
    },
  },
  {
    pattern: /(?:未(?:发生|出现|有)?|没有(?:发生|出现)?|无)(?:因政府信息公开(?:工作)?而?)?被?(?:申请|提起)?的?(行政复议(?:[和及、或与]行政诉讼)?|行政诉讼)/,
    unless: /纠正|纠错|败诉|撤销|确认违法|上年/,
    contestable: (model) => ["review", "direct", "after"].some((g) => positive(reviewCases(model, [g]))),
    contradiction(model, m) {
      const groups = m[1].includes("行政诉讼") ? (m[1].includes("行政复议") ? ["review", "direct", "after"] : ["direct", "after"]) : ["review"];
      const cases = reviewCases(model, groups);
      if (!positive(cases)) return undefined;
      return localized(`正文称“${m[0]}”，但表四中相应案件总计为 ${cases} 件`, `The text says “${m[0]}”, but table 四 counts ${cases} such cases`);
    },
  },
];

/** Reports every claim of the text about all or none of the applications or cases that the tables contradict. */
export function checkNarrativeClaims(model: ReportModel, report: (r: Report) => void): void {
  const claims = CLAIMS.filter((c) => c.contestable(model));
  if (!claims.length) return;
  for (const p of model.paragraphs) {
    if (p.section > 4 || p.section === 2) continue;
    for (const s of sentences(p.text)) {
      const text = p.text.slice(s.start, s.end);
      for (const claim of claims) {
        const m = claim.pattern.exec(text);
        if (!m || claim.unless?.test(text)) continue;
        const message = claim.contradiction(model, m);
        if (message) report({ range: lineRange(p.line, s.start + m.index, s.start + m.index + m[0].length), message });
      }
    }
  }
}
