import { formatById } from "../formats";
import { convertTables } from "../fixes/convertFormat";
import { localized } from "../types";
import { defineRule } from "./types";

/** Tables of one format in a report whose year requires the other (FORMATS.md §6). */
export const templateVersionRule = defineRule({
  id: "template-version",
  severity: "error",
  category: "table",
  description: localized("统计表所用格式与报告年份不符（2019 格式用于 2021 年及以后，或相反）", "The tables follow the wrong year's format"),
  example: localized("2022 年报告仍使用“本年新制作数量”“第二十条第（九）项”等 2019 格式表格", "A 2022 report with the 2019 tables (本年新制作数量, 第二十条第（九）项)"),
  basis: localized(
    "2019、2020 年度报告使用国办公开办函〔2019〕60号的格式；2021 年度起使用国办公开办函〔2021〕30号的格式（表二改为“本年制发件数”“现行有效件数”等，取消第二十条第（九）项）。",
    "Reports for 2019 and 2020 use the format of 国办公开办函〔2019〕60号; from 2021 the format of 国办公开办函〔2021〕30号 (table 二 with 本年制发件数, 现行有效件数; no 第二十条第（九）项).",
  ),
  correct: localized("2022 年报告的表二使用“本年制发件数”“本年废止件数”“现行有效件数”", "A 2022 report whose table 二 has 本年制发件数, 本年废止件数, 现行有效件数"),
  fix: "safe",
  check({ model, report }) {
    const { expected } = model.format;
    if (!expected || !model.year) return;
    const want = formatById(expected);
    // Each statistics part (table 二, table 三) is judged by the words of its own tables, and said once, on its first wrong table.
    for (const section of [2, 3]) {
      const wrong = model.tables.find((t) => t.spec.section === section && t.formatEvident && t.format !== expected);
      if (!wrong) continue;
      const used = formatById(wrong.format);
      // A table of the same wrong format whose own words do not say so (table 三 of a report that kept every 2019 table) is rewritten with it.
      const along = [2, 3].filter((other) => other !== section && model.tables.some((t) => t.spec.section === other && !t.formatEvident && t.format === wrong.format));
      const conversion = convertTables(model, want, [section, ...along]);
      const fixes = conversion
        ? [
            {
              title: conversion.dropped
                ? localized(`按 ${want.name.zh}重写本部分统计表（${conversion.dropped} 个数值在新格式中没有对应栏目，将被舍弃）`, `Rewrite these tables in the ${want.name.en} (${conversion.dropped} figures have no place in it and are dropped)`)
                : localized(`按 ${want.name.zh}重写本部分统计表，保留原有数值`, `Rewrite these tables in the ${want.name.en}, keeping the figures`),
              edits: conversion.edits,
              // Safe only when no figure is lost: a fix never loses the user's text.
              safe: conversion.dropped === 0,
            },
          ]
        : [];
      report({
        fixes,
        range: wrong.headingRange,
        message: localized(
          `${model.year.value} 年的报告应使用 ${want.name.zh}（${want.notice}），${wrong.spec.title.zh}却是 ${used.name.zh}`,
          `A ${model.year.value} report must use the ${want.name.en} (${want.notice}); ${wrong.spec.title.en} follows the ${used.name.en}`,
        ),
      });
    }
  },
});
