import type { Section } from "../model";
import { eolOf } from "../text";
import { lineRange, localized, range } from "../types";
import { renderSection } from "../templates";
import { defineRule } from "./types";

/** The structure rules of the report skeleton (FORMATS.md §1). */

export const titleMissingRule = defineRule({
  id: "title-missing",
  severity: "error",
  category: "structure",
  description: localized("缺少报告标题（机关名称 + 年份 + 政府信息公开工作年度报告）", "The report has no title (organ + year + 政府信息公开工作年度报告)"),
  example: localized("正文直接从“一、总体情况”开始，没有标题", "The text starts at 一、总体情况 with no title"),
  basis: localized(
    "国办公开办函〔2021〕30号（〔2019〕60号）附件的格式以“机关名称 + 年份 + 政府信息公开工作年度报告”为标题，其下是六个部分。",
    "The format of 国办公开办函〔2021〕30号 (〔2019〕60号) opens with a title naming the organ and the year: “<organ><year>年政府信息公开工作年度报告”.",
  ),
  correct: localized("第一行是“某县民政局2025年政府信息公开工作年度报告”，其后是“一、总体情况”", "The first line reads 某县民政局2025年政府信息公开工作年度报告, then 一、总体情况"),
  fix: "none",
  check({ model, report }) {
    if (model.title) return;
    const first = model.lines.findIndex((l) => l.text.trim() !== "");
    const line = Math.max(0, first);
    report({
      range: lineRange(line, 0, model.lines[line].text.length),
      message: localized(
        "缺少报告标题，应为“{机关名称}{年份}年政府信息公开工作年度报告”",
        "No report title; expected “{organ}{year}年政府信息公开工作年度报告”",
      ),
    });
  },
});

export const titleYearMissingRule = defineRule({
  id: "title-year-missing",
  severity: "warning",
  category: "structure",
  description: localized("标题中没有报告年份", "The title does not name the report year"),
  example: localized("火花镇人民政府信息公开工作年度报告", "火花镇人民政府信息公开工作年度报告 (no year)"),
  basis: localized(
    "年度报告报告一个年度的工作（《条例》第四十九条），格式中的标题写明年份：“机关名称 + 年份 + 政府信息公开工作年度报告”（国办公开办函〔2021〕30号附件）。",
    "A report covers one year (Article 49 of the Regulations) and the title of the format names it (annex of 国办公开办函〔2021〕30号).",
  ),
  correct: localized("火花镇人民政府2025年政府信息公开工作年度报告", "火花镇人民政府2025年政府信息公开工作年度报告"),
  fix: "suggested",
  check({ model, report }) {
    const title = model.title;
    if (!title || title.year) return;
    const year = model.year?.value;
    const fixes = [];
    if (year) {
      const line = title.lines[title.lines.length - 1];
      const text = model.lines[line].text;
      // Insert before 政府信息公开 when the organ stands cleanly before it, else put the year first.
      const at = text.indexOf("政府信息公开");
      const organBefore = at > 0 && !/人民$/.test(text.slice(0, at));
      const pos = organBefore ? at : title.lines.length > 1 ? text.search(/\S/) : title.range.start.character;
      const insertLine = organBefore || title.lines.length > 1 ? line : title.range.start.line;
      fixes.push({
        title: localized(`在标题中加入年份“${year}年”`, `Add the year “${year}年” to the title`),
        edits: [{ range: lineRange(insertLine, Math.max(0, pos), Math.max(0, pos)), newText: `${year}年` }],
        safe: false,
      });
    }
    report({
      range: title.range,
      message: year
        ? localized(`标题中没有报告年份（正文为 ${year} 年）`, `The title has no report year (the body reports ${year})`)
        : localized("标题中没有报告年份", "The title has no report year"),
      fixes,
    });
  },
});

export const sectionMissingRule = defineRule({
  id: "section-missing",
  severity: "error",
  category: "structure",
  description: localized("缺少六个部分之一", "One of the six sections is missing"),
  example: localized("报告中没有“五、存在的主要问题及改进情况”", "No 五、存在的主要问题及改进情况 in the report"),
  basis: localized(
    "《条例》第五十条列明报告内容；国办公开办函〔2021〕30号（〔2019〕60号）附件的格式由六部分组成：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。",
    "Article 50 of the Regulations lists the contents; the format of 国办公开办函〔2021〕30号 (〔2019〕60号) has six sections, 一 to 六, each with its heading.",
  ),
  correct: localized("六个部分齐全，“四、政府信息公开行政复议、行政诉讼情况”之后是“五、存在的主要问题及改进情况”", "All six sections, 五、存在的主要问题及改进情况 after section 四"),
  fix: "suggested",
  check({ model, format, report }) {
    const present = new Set(model.sections.map((s) => s.spec.index));
    const eol = eolOf(model.lines);
    for (const spec of format.sections) {
      if (present.has(spec.index)) continue;
      const next = model.sections.find((s) => s.spec.index > spec.index);
      const line = next ? next.range.start.line : model.lines.length - 1;
      const atEnd = !next;
      const pos = atEnd ? model.lines[line].text.length : 0;
      const body = renderSection(format, spec.index, eol);
      report({
        range: lineRange(line, pos, pos),
        message: localized(`缺少第${spec.numeral}部分“${spec.numeral}、${spec.title}”`, `Section ${spec.numeral} “${spec.title}” is missing`),
        fixes: [
          {
            title: localized(`插入“${spec.numeral}、${spec.title}”及其模板`, `Insert section ${spec.numeral} with its template`),
            edits: [{ range: lineRange(line, pos, pos), newText: atEnd ? `${eol}${eol}${body}` : `${body}${eol}${eol}` }],
            safe: false,
          },
        ],
      });
    }
  },
});

export const sectionOrderRule = defineRule({
  id: "section-order",
  severity: "error",
  category: "structure",
  description: localized("各部分顺序不对", "Sections are out of order"),
  example: localized("“四、…行政复议…”出现在“三、收到和处理…”之前", "Section 四 stands before section 三"),
  basis: localized(
    "国办公开办函〔2021〕30号（〔2019〕60号）附件规定六个部分的顺序：一、总体情况 … 六、其他需要报告的事项。",
    "The format of 国办公开办函〔2021〕30号 (〔2019〕60号) fixes the order of the six sections, 一 to 六.",
  ),
  correct: localized("“三、收到和处理政府信息公开申请情况”在“四、政府信息公开行政复议、行政诉讼情况”之前", "Section 三 before section 四"),
  fix: "none",
  check({ model, report }) {
    const seen = new Set<number>();
    let max = 0;
    for (const s of model.sections) {
      if (seen.has(s.spec.index)) continue; // duplicates are section-duplicate's
      seen.add(s.spec.index);
      if (s.spec.index < max) {
        report({
          range: s.titleRange,
          message: localized(
            `第${s.spec.numeral}部分“${s.spec.title}”应在第${numeralOf(model.sections, max)}部分之前`,
            `Section ${s.spec.numeral} should come before section ${numeralOf(model.sections, max)}`,
          ),
        });
      }
      max = Math.max(max, s.spec.index);
    }
  },
});

const numeralOf = (sections: Section[], index: number) => sections.find((s) => s.spec.index === index)!.spec.numeral;

export const sectionDuplicateRule = defineRule({
  id: "section-duplicate",
  severity: "error",
  category: "structure",
  description: localized("同一部分出现两次", "A section appears twice"),
  example: localized("两个“二、主动公开政府信息情况”", "Two 二、主动公开政府信息情况 headings"),
  basis: localized(
    "国办公开办函〔2021〕30号（〔2019〕60号）附件的格式中，六个部分各出现一次。",
    "In the format of 国办公开办函〔2021〕30号 (〔2019〕60号) each of the six sections appears once.",
  ),
  correct: localized("只有一个“二、主动公开政府信息情况”，其内容合并在一处", "One 二、主动公开政府信息情况, its content in one place"),
  fix: "none",
  check({ model, report }) {
    const first = new Map<number, Section>();
    for (const s of model.sections) {
      const prev = first.get(s.spec.index);
      if (!prev) first.set(s.spec.index, s);
      else
        report({
          range: s.titleRange,
          message: localized(
            `第${s.spec.numeral}部分重复出现（第 ${prev.range.start.line + 1} 行已有）`,
            `Section ${s.spec.numeral} appears again (first on line ${prev.range.start.line + 1})`,
          ),
        });
    }
  },
});

export const sectionNumberingRule = defineRule({
  id: "section-numbering",
  severity: "warning",
  category: "structure",
  description: localized("部分标题缺少序号或序号不对", "A section heading lacks its numeral or has the wrong one"),
  example: localized("“总体情况”应为“一、总体情况”", "总体情况 should read 一、总体情况"),
  basis: localized(
    "国办公开办函〔2021〕30号（〔2019〕60号）附件的六个部分依次编号“一、”至“六、”。",
    "The six sections of the format of 国办公开办函〔2021〕30号 (〔2019〕60号) are numbered 一、 to 六、.",
  ),
  correct: localized("一、总体情况", "一、总体情况"),
  fix: "safe",
  check({ model, report }) {
    for (const s of model.sections) {
      const want = s.spec.numeral;
      if (s.numeral?.text === want) continue;
      const edit = s.numeral
        ? { range: s.numeral.range, newText: want }
        : { range: lineRange(s.titleRange.start.line, s.titleRange.start.character, s.titleRange.start.character), newText: `${want}、` };
      report({
        range: s.numeral ? s.numeral.range : s.titleRange,
        message: s.numeral
          ? localized(`序号应为“${want}”，而不是“${s.numeral.text}”`, `The numeral should be ${want}, not ${s.numeral.text}`)
          : localized(`标题缺少序号，应为“${want}、${s.spec.title}”`, `The heading lacks its numeral: ${want}、${s.spec.title}`),
        fixes: [{ title: localized(`改为“${want}、”`, `Set the numeral to ${want}`), edits: [edit], safe: true }],
      });
    }
  },
});

export const sectionTitleVariantRule = defineRule({
  id: "section-title-variant",
  severity: "hint",
  category: "style",
  description: localized("部分标题的措辞与标准格式不同", "A section heading is worded differently from the official format"),
  example: localized("“五、存在的问题及改进情况”→“五、存在的主要问题及改进情况”", "五、存在的问题及改进情况 → 五、存在的主要问题及改进情况"),
  basis: localized(
    "各部分标题以国办公开办函〔2021〕30号（〔2019〕60号）附件的措辞为准，例如“五、存在的主要问题及改进情况”。",
    "Section headings follow the wording of the format of 国办公开办函〔2021〕30号 (〔2019〕60号), e.g. 五、存在的主要问题及改进情况.",
  ),
  correct: localized("五、存在的主要问题及改进情况", "五、存在的主要问题及改进情况"),
  fix: "safe",
  check({ model, report }) {
    for (const s of model.sections) {
      if (!s.variant) continue;
      report({
        range: s.titleRange,
        message: localized(`标准标题为“${s.spec.numeral}、${s.spec.title}”`, `The official heading is “${s.spec.numeral}、${s.spec.title}”`),
        fixes: [{ title: localized(`改为“${s.spec.title}”`, `Use “${s.spec.title}”`), edits: [{ range: s.titleRange, newText: s.spec.title }], safe: true }],
      });
    }
  },
});

export const subsectionNumberingRule = defineRule({
  id: "subsection-numbering",
  severity: "warning",
  category: "structure",
  description: localized("部分内的小标题序号跳号或重复", "Sub-heading numbers within a section skip or repeat"),
  example: localized("（一）之后直接是（四）", "（一） followed directly by （四）"),
  basis: localized(
    "公文的结构层次序数依次为“一、”“（一）”“1.”“（1）”（GB/T 9704—2012《党政机关公文格式》），同一层级连续编号，不跳号、不重复。",
    "Official documents number their levels 一、, （一）, 1., （1） (GB/T 9704—2012), each level in sequence without gaps or repeats.",
  ),
  correct: localized("（一）之后是（二）、（三）", "（一） followed by （二）, （三）"),
  fix: "none",
  check({ model, report }) {
    const cn = (n: number) => "一二三四五六七八九十"[n - 1] ?? String(n);
    for (const s of model.sections) {
      let paren = 0;
      let position = 0;
      let arabic = 0;
      for (const h of s.subheadings) {
        if (h.style === "paren") {
          arabic = 0;
          position = h.value === 1 ? 1 : position + 1;
          // A heading that follows its predecessor, or stands at its place in the list, is right:
          // one wrong number then yields one finding, not one per heading after it.
          if (h.value !== paren + 1 && h.value !== position) {
            report({
              range: h.numberRange,
              message:
                h.value === paren
                  ? localized(`小标题序号（${cn(h.value)}）重复`, `Sub-heading （${cn(h.value)}） is repeated`)
                  : localized(`小标题序号应为（${cn(paren + 1)}），而不是（${cn(h.value)}）`, `Expected （${cn(paren + 1)}）, found （${cn(h.value)}）`),
            });
          }
          paren = h.value;
        } else if (h.style === "arabic") {
          // Numbered lists restart freely; only a forward jump is a mistake.
          if (h.value > arabic + 1 && h.value !== 1) {
            report({
              range: h.numberRange,
              message: localized(`序号应为 ${arabic + 1}，而不是 ${h.value}`, `Expected ${arabic + 1}, found ${h.value}`),
            });
          }
          arabic = h.value;
        }
      }
    }
  },
});

export const conversionArtifactRule = defineRule({
  id: "conversion-artifact",
  severity: "warning",
  category: "style",
  description: localized("Word/HTML 转换残留（书签、HTML 标签、&nbsp; 等）", "Word/HTML conversion debris ([bookmark: …], <p>, &nbsp; …)"),
  example: localized("[bookmark: _GoBack]二、主动公开政府信息情况", "[bookmark: _GoBack]二、主动公开政府信息情况"),
  basis: localized(
    "国办公开办函〔2021〕30号（〔2019〕60号）附件的格式只有文字和表格；书签、HTML 标签、&nbsp; 等是从 Word 或网页转换时留下的，发布前应删除。",
    "The format of 国办公开办函〔2021〕30号 (〔2019〕60号) holds text and tables only; bookmarks, HTML tags and &nbsp; are left over from a Word or web conversion and go before publication.",
  ),
  correct: localized("二、主动公开政府信息情况", "二、主动公开政府信息情况"),
  fix: "safe",
  check({ model, report }) {
    for (const a of model.artifacts) {
      report({
        range: a.range,
        message: localized(`转换残留“${a.text}”`, `Conversion debris “${a.text}”`),
        fixes: [{ title: localized(`删除“${a.text}”`, `Delete “${a.text}”`), edits: [{ range: a.range, newText: "" }], safe: true }],
      });
    }
  },
});

export const notAReportRule = defineRule({
  id: "not-a-report",
  severity: "warning",
  category: "structure",
  description: localized("文件不是政府信息公开工作年度报告", "The file is not a government information disclosure annual report"),
  example: localized("一篇普通文章被当作年报检查", "An ordinary article checked as a report"),
  basis: localized(
    "《中华人民共和国政府信息公开条例》第五十条规定年度报告应当包括的内容；国办公开办函〔2021〕30号（2019、2020 年度为〔2019〕60号）附件规定其格式：标题、六个部分和统计表。",
    "Article 50 of the Regulations on the Disclosure of Government Information lists what the annual report contains; the annex of 国办公开办函〔2021〕30号 (〔2019〕60号 for 2019–2020) sets its format: a title, six sections and the statistics tables.",
  ),
  correct: localized("以“某县民政局2025年政府信息公开工作年度报告”为标题、含六个部分和统计表的文本", "A text titled 某县民政局2025年政府信息公开工作年度报告 with the six sections and the tables"),
  fix: "none",
  check({ model, report }) {
    if (model.isReport) return;
    report({
      range: range(0, 0, 0, model.lines[0]?.text.length ?? 0),
      message: localized(
        "未识别为政府信息公开工作年度报告：没有找到报告标题、六个部分或统计表",
        "Not recognised as an annual disclosure report: no report title, sections or statistics tables",
      ),
    });
  },
});

