import assert from "node:assert/strict";
import { checkText, renderReport, type Finding } from "../../server/src/core";
import { example } from "./samples";

/** Clean reports to break one thing at a time. */
export const CLEAN_2021 = () => example("示例市生态环境局");
export const CLEAN_2019 = () => fillGuidance(renderReport({ year: 2020, organ: "某某市人民政府办公室" }));

/** A skeleton of `gov-report new` with its guidance lines written over, as a writer would (template-placeholder finds them otherwise). */
export const fillGuidance = (text: string) =>
  text.replace(/（(?:概述|说明)本?[^）]*）/g, (guidance) => (guidance.includes("信息处理费") ? "本年度未收取信息处理费。" : "本年度各项工作按计划推进。"));

/** Replaces exactly one occurrence (the test fails if the text is not there). */
export function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const found = typeof from === "string" ? text.includes(from) : from.test(text);
  assert.ok(found, `text to replace not found: ${from}`);
  return text.replace(from, to);
}

export function findingsOf(text: string, rule: string): Finding[] {
  return checkText(text).findings.filter((f) => f.rule === rule);
}

/** "rule@line" (1-based) for compact assertions. */
export const at = (f: Finding) => `${f.rule}@${f.range.start.line + 1}`;

export function lineOf(text: string, needle: string): number {
  const i = text.split(/\r?\n/).findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `no line containing ${needle}`);
  return i + 1;
}
