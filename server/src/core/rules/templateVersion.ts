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
  fix: "safe",
  check({ model, report }) {
    const { detected, expected } = model.format;
    if (!detected || !expected || detected === expected || !model.year) return;
    const table = model.tables.find((t) => t.spec.section === 2) ?? model.tables[0];
    const range = table?.headingRange ?? model.format.signatureRange;
    if (!range) return;
    const used = formatById(detected);
    const want = formatById(expected);
    const conversion = convertTables(model, want);
    const fixes = conversion
      ? [
          {
            title: conversion.dropped
              ? localized(`按 ${want.name.zh}重写统计表（${conversion.dropped} 个数值在新格式中没有对应栏目，将被舍弃）`, `Rewrite the tables in the ${want.name.en} (${conversion.dropped} figures have no place in it and are dropped)`)
              : localized(`按 ${want.name.zh}重写统计表，保留原有数值`, `Rewrite the tables in the ${want.name.en}, keeping the figures`),
            edits: conversion.edits,
            // Safe only when no figure is lost: a fix never loses the user's text.
            safe: conversion.dropped === 0,
          },
        ]
      : [];
    report({
      fixes,
      range,
      message: localized(
        `${model.year.value} 年的报告应使用 ${want.name.zh}（${want.notice}），统计表却是 ${used.name.zh}`,
        `A ${model.year.value} report must use the ${want.name.en} (${want.notice}); the tables follow the ${used.name.en}`,
      ),
    });
  },
});
