import type { CheckOptions } from "../check";
import { applyEdits, fixAll } from "../fixes/apply";
import { comparePositions } from "../positions";
import { ruleById, type Finding } from "../rules";
import { disableEdit } from "../suppress";
import { localized, pick, type Locale, type Range, type TextEdit } from "../types";
import { diffEdit } from "./edits";

/**
 * Code actions over the findings: each fix of a finding under the cursor
 * (the first one preferred unless another cell could be the wrong one),
 * "fix all of this rule in the file" (never for such guesses), the
 * documentation of the rule, and the safe fix-all of the whole file.
 */

export interface CodeActionEntry {
  title: string;
  kind: "quickfix" | "source.fixAll";
  /** The findings the action resolves or documents. */
  findings: Finding[];
  edits: TextEdit[];
  /** Opens this rule's documentation instead of editing. */
  showDocs?: string;
  /** Selects these cells for the user to check instead of editing. */
  reveal?: Range;
  /** A fix-all's account of what it changed and left, shown once its edit is applied. */
  summary?: FixAllSummary;
  preferred?: boolean;
}

const overlaps = (a: Range, b: Range) => comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;

export function quickFixes(text: string, findings: Finding[], range: Range, locale: Locale): CodeActionEntry[] {
  const here = findings.filter((f) => overlaps(f.range, range));
  const entries: CodeActionEntry[] = here.flatMap((f) =>
    f.fixes.map((fix, i) => ({
      title: pick(fix.title, locale),
      kind: "quickfix" as const,
      findings: [f],
      edits: fix.edits,
      reveal: fix.reveal,
      preferred: i === 0 && !fix.uncertain,
    })),
  );
  for (const rule of new Set(here.map((f) => f.rule))) {
    const sameRule = findings.filter((f) => f.rule === rule && f.fixes.length > 0 && !f.fixes[0].uncertain);
    if (sameRule.length > 1) {
      const entry = fixRuleEverywhere(text, rule, sameRule, locale);
      if (entry) entries.push(entry);
    }
    entries.push(...ignoreActions(text, rule, here.filter((f) => f.rule === rule), locale));
    entries.push({
      title: pick(localized(`查看规则说明：${rule}`, `Show documentation for ${rule}`), locale),
      kind: "quickfix",
      findings: here.filter((f) => f.rule === rule),
      edits: [],
      showDocs: rule,
    });
  }
  return entries;
}

/** 在此处忽略 / 在本文件中忽略: writes the disable comment of core/suppress.ts (on the line above the finding, or at the top of the file). */
function ignoreActions(text: string, rule: string, here: Finding[], locale: Locale): CodeActionEntry[] {
  const line = here[0].range.start.line;
  const scopes = [
    { edit: disableEdit(text, rule, "next-line", line), findings: here.filter((f) => f.range.start.line === line), title: localized(`在此处忽略此规则（${rule}）`, `Ignore ${rule} here`) },
    { edit: disableEdit(text, rule, "file"), findings: here, title: localized(`在本文件中忽略“${rule}”`, `Ignore ${rule} in this file`) },
  ];
  return scopes.flatMap(({ edit, findings, title }) => (edit ? [{ title: pick(title, locale), kind: "quickfix" as const, findings, edits: [edit] }] : []));
}

/** The first fix of every finding of the rule, as one edit (fixes that would overlap an earlier one wait for the next run). */
function fixRuleEverywhere(text: string, rule: string, findings: Finding[], locale: Locale): CodeActionEntry | undefined {
  const edit = diffEdit(text, applyEdits(text, findings.flatMap((f) => f.fixes[0].edits)).text);
  if (!edit) return undefined;
  return {
    title: pick(localized(`修复本文件中全部 ${findings.length} 处“${rule}”问题`, `Fix all ${findings.length} “${rule}” problems in this file`), locale),
    kind: "quickfix",
    findings,
    edits: [edit],
  };
}

/** What a fix-all changed and what it left, by rule, for the user to be told. */
export interface FixAllSummary {
  fixed: RuleCount[];
  left: RuleCount[];
  /** One sentence saying both, in the locale asked for. */
  message: string;
}

export interface RuleCount {
  rule: string;
  /** The rule's description, in the locale asked for. */
  name: string;
  count: number;
}

/** Every safe fix (spelling and form, never a figure), applied by the core until none is left; with what it fixed and what is left. */
export function fixAllAction(text: string, options: CheckOptions, locale: Locale): CodeActionEntry | undefined {
  const result = fixAll(text, options);
  const edit = diffEdit(text, result.text);
  if (!edit) return undefined;
  const left: Record<string, number> = {};
  for (const f of result.left) left[f.rule] = (left[f.rule] ?? 0) + 1;
  return {
    title: pick(localized("修复所有可安全修复的问题（不改动数字）", "Fix all safely fixable problems (figures untouched)"), locale),
    kind: "source.fixAll",
    findings: [],
    edits: [edit],
    summary: fixAllSummary(result.fixedByRule, left, locale),
  };
}

const byCount = (counts: Record<string, number>, locale: Locale): RuleCount[] =>
  Object.entries(counts)
    .map(([rule, count]) => ({ rule, count, name: pick(ruleById(rule)?.description ?? localized(rule, rule), locale) }))
    .sort((a, b) => b.count - a.count || (a.rule < b.rule ? -1 : 1));

function fixAllSummary(fixedByRule: Record<string, number>, leftByRule: Record<string, number>, locale: Locale): FixAllSummary {
  const fixed = byCount(fixedByRule, locale);
  const left = byCount(leftByRule, locale);
  const total = (counts: RuleCount[]) => counts.reduce((n, c) => n + c.count, 0);
  /** The three largest counts by name; the rest summed up. */
  const list = (counts: RuleCount[]) => {
    const shown = counts.slice(0, 3).map((c) => `${c.name} ${c.count}`);
    const rest = total(counts.slice(3));
    return pick(localized(shown.join("；") + (rest ? `；其他 ${rest}` : ""), shown.join("; ") + (rest ? `; others ${rest}` : "")), locale);
  };
  const done = pick(localized(`已修复 ${total(fixed)} 处（${list(fixed)}）`, `Fixed ${total(fixed)} (${list(fixed)})`), locale);
  const rest = left.length
    ? pick(localized(`；尚有 ${total(left)} 处需逐条核对（${list(left)}）`, `; ${total(left)} left to check one by one (${list(left)})`), locale)
    : pick(localized("；没有其他问题", "; nothing else is left"), locale);
  return { fixed, left, message: done + rest };
}
