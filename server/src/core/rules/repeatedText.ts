import { lineRange, localized } from "../types";
import { defineRule } from "./types";

/**
 * Slips of the keyboard in the text outside the tables: a word or phrase
 * typed twice in a row (资金资金), and a half-width comma or colon between
 * Chinese characters. A repeat must be at least two characters long (常常,
 * 人人 and 一一 are words), hold no numeral, and not be a word that Chinese
 * repeats on purpose (研究研究) or the first part of a longer word
 * (规范规范性文件, 标准标准化), or a name's end that begins the next
 * (人民政府政府信息公开).
 */

/**
 * Each run of 2 to 8 Chinese characters written twice in a row, the longest
 * at the leftmost place first, then on after it. A regex: compiled to machine
 * code, it costs a batch of reports checked once each half what a scan in
 * JavaScript cost before V8 had optimised the scan.
 */
const REPEAT = /([\u4e00-\u9fff]{2,8})\1/g;

export function repeats(s: string): { index: number; unit: string }[] {
  return Array.from(s.matchAll(REPEAT), (m) => ({ index: m.index!, unit: m[1] }));
}

const NUMERALS = /[〇零一二两三四五六七八九十百千万亿第]/;
/** Verbs that Chinese repeats to soften them (研究研究 …), and names that repeat (学习强国 after 学习). */
const REDUPLICATED = new Set(["研究", "讨论", "学习", "商量", "考虑", "了解", "休息", "交流", "沟通", "介绍", "认识", "熟悉", "体验", "比较", "思考", "总结", "检查", "整理", "打扫", "活动", "锻炼", "收拾", "准备", "清理"]);
/** The second copy may begin a longer word: 规范规范性文件, 标准标准化, 发布发布会, 公开公开栏. */
const WORD_GOES_ON = /^[性化者员会式型度制类栏室站处库群率表]/;
const HALF_WIDTH = /(?<=[\u4e00-\u9fff])([,:]) ?(?=[\u4e00-\u9fff])/g;
const FULL_WIDTH: Record<string, string> = { ",": "，", ":": "：" };
/** A line with tabs or pipes is a table the parser did not read: its cells repeat on purpose. */
const TABLE_LIKE = /[\t|｜]/;

/** 某某镇人民政府政府信息公开工作年度报告: the organ's name ends where the report's name begins. */
const NAME_JOINS = /人民$/;

function isSlip(unit: string, before: string, after: string): boolean {
  if (NUMERALS.test(unit) || unit[0] === unit[1] || REDUPLICATED.has(unit) || WORD_GOES_ON.test(after)) return false;
  return !(unit === "政府" && NAME_JOINS.test(before));
}

export const repeatedTextRule = defineRule({
  id: "repeated-text",
  severity: "hint",
  category: "style",
  description: localized("词语重复录入（如“资金资金”），或中文之间用了半角逗号、冒号", "A word typed twice in a row (资金资金), or a half-width comma or colon between Chinese characters"),
  example: localized("“及时发布信息发布信息”；“主动公开,依申请公开”", "“发布信息发布信息”; “主动公开,依申请公开” with a half-width comma"),
  basis: localized(
    "年度报告是机关对外公布的正式文本，应当文字准确；中文行文使用全角标点（GB/T 15834《标点符号用法》）。",
    "The report is an organ's published text and its wording must be exact; Chinese prose takes full-width punctuation (GB/T 15834).",
  ),
  correct: localized("“及时发布信息”；“主动公开，依申请公开”", "“发布信息” once; a full-width comma"),
  fix: "safe",
  check({ model, report }) {
    for (const p of model.paragraphs) {
      if (TABLE_LIKE.test(p.text)) continue;
      for (const { index, unit } of repeats(p.text)) {
        const end = index + 2 * unit.length;
        if (!isSlip(unit, p.text.slice(Math.max(0, index - 2), index), p.text.slice(end, end + 1))) continue;
        const second = lineRange(p.line, index + unit.length, end);
        report({
          range: lineRange(p.line, index, end),
          message: localized(`“${unit}”连续写了两遍`, `“${unit}” is written twice in a row`),
          fixes: [{ title: localized(`删除重复的“${unit}”`, `Delete the repeated “${unit}”`), edits: [{ range: second, newText: "" }], safe: false }],
        });
      }
      // HALF_WIDTH starts with a look-behind, which a regex tries at every position: most paragraphs have no half-width mark to find.
      if (!p.text.includes(",") && !p.text.includes(":")) continue;
      const marks = [...p.text.matchAll(HALF_WIDTH)];
      if (!marks.length) continue;
      // One finding per line, however many marks: a pasted paragraph often has them all half-width.
      const edits = marks.map((m) => ({ range: lineRange(p.line, m.index!, m.index! + m[0].length), newText: FULL_WIDTH[m[1]] }));
      const [first, last] = [edits[0].range, edits[edits.length - 1].range];
      const kinds = [...new Set(marks.map((m) => m[1]))];
      const written = kinds.map((k) => `“${k}”`).join("、");
      const right = kinds.map((k) => `“${FULL_WIDTH[k]}”`).join("、");
      report({
        range: lineRange(p.line, first.start.character, last.end.character),
        message:
          marks.length === 1
            ? localized(`中文之间使用了半角${written}，应为全角${right}`, `A half-width ${kinds[0]} between Chinese characters; use ${right}`)
            : localized(`本行中文之间有 ${marks.length} 处半角${written}，应为全角${right}`, `${marks.length} half-width ${kinds.join(" and ")} between Chinese characters in this line; use ${right}`),
        fixes: [{ title: localized(`改为全角${right}`, `Change to ${right}`), edits, safe: true }],
      });
    }
  },
});
