import { lineRange, localized, type Localized } from "../types";
import { defineRule } from "./types";

/**
 * Template text left in a draft: the guidance lines of `gov-report new` and
 * the snippets (a whole line in brackets that tells the writer what to write),
 * a snippet's tab stop, a {名称} slot, and ××/XX standing where a name or a
 * figure belongs. Only these shapes: an ordinary bracketed aside, a URL with
 * "xx" in it or a table's own note are none of them.
 */

/** A whole line in brackets that starts by telling the writer what to write (not a note: 说明：… is one). */
const GUIDANCE = /^[\s\u3000]*([（(](?:请)?(?:概述|简述|简要说明|说明(?![：:])|填写|列明|列举)[^（）()]*[）)])[\s\u3000]*$/;

/** A snippet's tab stop copied as text, or a named slot: ${1:××机关}, {机关名称}, 【机关名称】. */
const SLOT = /\$\{\d+:[^{}]*\}|\{[\u4e00-\u9fff]{2,8}\}|【[\u4e00-\u9fff]{0,4}(?:名称|名字|年份|日期|数量|数字|金额)】/g;

/** ×× or XX, not part of a Latin word (a URL's xxgk is not a placeholder). */
const MARKS = /(?<![A-Za-z])(?:[×✕xXＸｘ]{2,})(?![A-Za-z])/g;

/** What may follow ××: an organ or place (a name belongs there) or a unit (a figure belongs there). */
/** A character every guidance, slot or mark starts with: most lines have none and are not searched. */
const MAY_HOLD_PLACEHOLDER = /[（($\{【×✕xXＸｘ]/;

const NAME_AFTER = /^(?:机关|单位|部门|政府|人民政府|办公室|委员会|局|委|办|厅|署|中心|市|县|区|省|镇|乡|街道|村|社区)/;
const FIGURE_AFTER = /^(?:件|条|个|项|次|人次|人|家|份|场|期|篇|万元|元|%|％|年|月|日)/;

const KIND = {
  name: localized("名称", "a name"),
  figure: localized("数字", "a figure"),
};

/** The kind of value a placeholder at `end` of `text` stands for, or undefined when ×× is used otherwise. */
function slotKind(text: string, start: number, end: number): Localized | undefined {
  const after = text.slice(end).replace(/^[\s\u3000]+/, "");
  if (NAME_AFTER.test(after)) return KIND.name;
  if (FIGURE_AFTER.test(after) || /20$/.test(text.slice(0, start))) return KIND.figure;
  return undefined;
}

const shorten = (s: string) => (s.length > 16 ? `${s.slice(0, 12)}……${s.slice(-1)}` : s);

export const templatePlaceholderRule = defineRule({
  id: "template-placeholder",
  severity: "warning",
  category: "structure",
  description: localized("模板中的提示文字或占位符未替换", "Template guidance or a placeholder left in the draft"),
  example: localized(
    "“一、总体情况”下仍是“（概述本年度主动公开、依申请公开……工作情况。）”；标题写作“××机关2025年……”",
    "Section 一 still reads “（概述本年度主动公开……）”; the title reads “××机关2025年……”",
  ),
  basis: localized(
    "国办公开办函〔2021〕30号要求年度报告内容完整、具体，不空泛；模板中括号里的说明是填写提示，××、{机关名称} 是待填的名称或数字，都应换成本机关本年度的实际情况。",
    "国办公开办函〔2021〕30号 asks for a complete, specific report; the bracketed guidance of a template and its ××/{机关名称} slots are to be replaced by the organ's own account of the year.",
  ),
  correct: localized("“一、总体情况”下写明本年度主动公开、依申请公开等工作的实际情况；标题写作“某县民政局2025年……”", "Section 一 gives the year's actual work; the title names the organ: 某县民政局2025年……"),
  fix: "none",
  check({ model, report }) {
    // The title's lines are no paragraph's (the parser keeps them apart); findings are put in order afterwards.
    for (const line of [...(model.title?.lines ?? []), ...model.paragraphs.map((p) => p.line)]) {
      const text = model.lines[line]?.text ?? "";
      if (!MAY_HOLD_PLACEHOLDER.test(text)) continue;
      const guidance = GUIDANCE.exec(text);
      if (guidance) {
        const start = text.indexOf(guidance[1]);
        report({
          range: lineRange(line, start, start + guidance[1].length),
          message: localized(
            `模板提示文字“${shorten(guidance[1])}”尚未替换为本年度的实际情况`,
            `Template guidance “${shorten(guidance[1])}” is still in the draft: write this year's account in its place`,
          ),
        });
        continue;
      }
      for (const m of text.matchAll(SLOT))
        report({
          range: lineRange(line, m.index!, m.index! + m[0].length),
          message: localized(`占位符“${m[0]}”尚未填写`, `Placeholder “${m[0]}” not filled in`),
        });
      for (const m of text.matchAll(MARKS)) {
        const kind = slotKind(text, m.index!, m.index! + m[0].length);
        if (!kind || insideSlot(text, m.index!)) continue;
        report({
          range: lineRange(line, m.index!, m.index! + m[0].length),
          message: localized(`“${m[0]}”是模板占位符，请填写实际的${kind.zh}`, `“${m[0]}” is a template placeholder: write ${kind.en} in its place`),
        });
      }
    }
  },
});

/** ×× inside a slot already reported (${1:××机关}). */
function insideSlot(text: string, at: number): boolean {
  for (const m of text.matchAll(SLOT)) if (m.index! <= at && at < m.index! + m[0].length) return true;
  return false;
}
