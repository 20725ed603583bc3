import { localized } from "../types";
import type { SectionSpec } from "./types";

/** The six sections, identical in both formats (FORMATS.md §1). */
export const SECTIONS: SectionSpec[] = [
  {
    index: 1,
    numeral: "一",
    title: "总体情况",
    variants: ["工作基本情况", "基本情况", "概述", "概况", "总体概况", "工作总体情况"],
    pattern: /^(?:\d{4}年度?)?(?:政府信息公开|政务公开)?(?:工作)?(?:总体情况|基本情况|总体概况|概述|概况)$/,
    contents: localized(
      "概述本年度主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等情况；政府的报告还应包括工作考核、社会评议和责任追究结果情况。",
      "An overview of proactive disclosure, disclosure on request, information management, disclosure platforms and oversight; a government's report also covers appraisal, public evaluation and accountability.",
    ),
  },
  {
    index: 2,
    numeral: "二",
    title: "主动公开政府信息情况",
    variants: ["主动公开情况", "主动公开政府信息工作情况"],
    pattern: /^主动公开(?:政府信息(?:工作)?(?:情况)?|(?:工作)?情况)$/,
    contents: localized(
      "第二十条第（一）（五）（六）（八）项等主动公开事项的统计表。",
      "The statistics table of proactively disclosed items under Article 20 (1), (5), (6), (8) …",
    ),
  },
  {
    index: 3,
    numeral: "三",
    title: "收到和处理政府信息公开申请情况",
    variants: ["依申请公开政府信息情况", "收到和处理政府信息公开申请的情况"],
    pattern: /^(?:收到和处理政府信息公开申请的?情况|依申请公开(?:政府信息)?(?:工作)?情况)$/,
    contents: localized(
      "收到和处理政府信息公开申请情况统计表（申请人情况 7 列，勾稽关系：第一项加第二项之和等于第三项加第四项之和）。",
      "The table of applications received and handled (7 applicant columns; items one plus two equal items three plus four).",
    ),
  },
  {
    index: 4,
    numeral: "四",
    title: "政府信息公开行政复议、行政诉讼情况",
    variants: ["因政府信息公开工作被申请行政复议、提起行政诉讼情况", "政府信息公开行政复议和行政诉讼情况"],
    pattern: /^(?:因)?政府信息公开(?:工作)?(?:被)?(?:申请)?行政复议.{0,3}(?:被)?(?:提起)?行政诉讼(?:的)?(?:情况)?$/,
    contents: localized(
      "行政复议、行政诉讼情况统计表（15 列：行政复议 5 列，未经复议直接起诉 5 列，复议后起诉 5 列）。",
      "The administrative reconsideration and litigation table (15 columns).",
    ),
  },
  {
    index: 5,
    numeral: "五",
    title: "存在的主要问题及改进情况",
    variants: [
      "政府信息公开工作存在的主要问题及改进情况",
      "存在的问题及改进情况",
      "存在问题和改进措施",
      "存在的问题及改进措施",
      "存在的主要问题及改进措施",
    ],
    pattern: /^(?:政府信息公开)?(?:工作中?)?存在的?(?:主要)?问题(?:及|和|与)?(?:改进|整改)(?:情况|措施)$/,
    contents: localized(
      "本年度政府信息公开工作存在的主要问题，以及上一年度问题的改进情况和下一步改进措施。",
      "The main problems of the year's disclosure work and how last year's were remedied.",
    ),
  },
  {
    index: 6,
    numeral: "六",
    title: "其他需要报告的事项",
    variants: ["其他需要报告事项", "其他事项"],
    pattern: /^其他(?:需要)?(?:报告)?的?事项$/,
    contents: localized(
      "按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费情况、政务公开工作要点落实情况、人大代表建议和政协提案办理结果公开情况等。",
      "Information-processing fees charged, implementation of the year's key disclosure tasks, disclosure of the handling of deputies' and CPPCC proposals, other matters.",
    ),
  },
];
