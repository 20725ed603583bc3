import type { ReportModel, Section } from "../model";
import { contentLength } from "../text";
import { localized, type Localized } from "../types";
import { defineRule } from "./types";
import { sectionHeading, sectionText } from "./sectionText";

/**
 * What the 2021 format asks the text to cover (国办公开办函〔2021〕30号):
 * section 一 speaks of five things, a government's report also of 工作考核、
 * 社会评议和责任追究 (《条例》第五十条), and section 五 names problems and
 * measures. Each thing counts as covered by any of the words real reports
 * use for it, in a sub-heading or a sentence: the lists are wide on purpose,
 * since a report that covers a thing in other words must not be told it
 * did not.
 */
interface Topic {
  name: Localized;
  words: RegExp;
}

const OVERVIEW_TOPICS: Topic[] = [
  { name: localized("主动公开", "proactive disclosure"), words: /主动公开|公开(?:政府)?信息\d|发布(?:政府)?信息|信息发布/ },
  { name: localized("依申请公开", "disclosure on request"), words: /依申请|申请公开|公开申请|信息公开申请|申请件|申请\d/ },
  {
    name: localized("政府信息管理", "information management"),
    words: /信息(?:资源)?[^。；]{0,10}管理|公开属性|属性认定|保密审查|发布审核|审核(?:发布|机制|制度)|三审|源头认定|动态(?:调整|更新)|公开目录|公开指南|文件(?:清理|管理)|规范性文件(?:清理|管理|统一)|政策文件库|信息(?:审查|审核)/,
  },
  {
    name: localized("政府信息公开平台建设", "disclosure platforms"),
    words: /平台|网站|门户|新媒体|公众号|微信|微博|政务公开专区|公开专区|公开栏|公示栏|查阅(?:点|室|场所)|政府公报|客户端/,
  },
  { name: localized("监督保障", "oversight and support"), words: /监督|保障|培训|考核|督查|督导|督促|组织领导|领导小组|责任制|问责|检查/ },
];

const ACCOUNTABILITY: Topic = { name: localized("工作考核、社会评议和责任追究", "appraisal, public evaluation and accountability"), words: /考核|评议|责任追究|追责|问责|考评|测评/ };

/** A government's own report (the 条例's 各级人民政府), not a department's, a 办公室's or a sub-district's. */
const GOVERNMENT = /政府$/;

/** Section 一 shorter than this is a stub or a placeholder: too little to judge what it leaves out. */
const MIN_OVERVIEW = 200;
const NOTHING = /^(?:暂?无|没有|无其他(?:需要报告的)?(?:事项|问题)?)?[。.]?$/;

/** A heading whose line goes on with the section's text: what the section says stands on the heading line. */
const runsOn = (model: ReportModel, heading: Section) => contentLength(model.lines[heading.range.start.line].text) > contentLength(heading.text) + 2;

/** A sub-heading that is only a title (存在的主要问题), not a numbered sentence that names a problem. */
const TITLE_ONLY = /^[^。，；,;]{1,16}$/;

/** Section 五 empty, or only 无 (under each of its sub-headings, if it has them). */
function saysNothing(model: ReportModel, section: Section): boolean {
  const subheadings = new Set(section.subheadings.filter((h) => TITLE_ONLY.test(h.text)).map((h) => h.range.start.line));
  const lines = model.paragraphs.filter((p) => p.section === section.spec.index && !subheadings.has(p.line)).map((p) => p.text.replace(/\s+/g, ""));
  return lines.every((l) => NOTHING.test(l));
}

export const contentCoverageRule = defineRule({
  id: "content-coverage",
  severity: "info",
  category: "structure",
  description: localized("正文缺少格式要求写明的内容（总体情况的五项工作、政府的考核评议追责、存在的问题）", "The text leaves out a topic the format asks for (section 一's five, a government's appraisal, section 五's problems)"),
  example: localized("“总体情况”写了主动公开、依申请公开、平台建设和监督保障，没有一句涉及政府信息管理", "Section 一 covers four topics and says nothing of information management"),
  basis: localized(
    "国办公开办函〔2021〕30号：“总体情况”概述主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等情况；《条例》第五十条：各级人民政府的年度报告还应当包括工作考核、社会评议和责任追究结果情况，年度报告应当包括政府信息公开工作存在的主要问题及改进情况。",
    "国办公开办函〔2021〕30号: section 一 gives an overview of proactive disclosure, disclosure on request, information management, platforms and oversight; Article 50 of the Regulations: a government's report covers appraisal, public evaluation and accountability, and every report names its main problems and how they were remedied.",
  ),
  correct: localized("“总体情况”下设（一）至（五）五个小标题，逐项概述五项工作；“存在的主要问题及改进情况”写明问题和改进措施", "Section 一 has a sub-heading for each of the five topics; section 五 names problems and measures"),
  fix: "none",
  check({ model, report }) {
    if (model.format.used.id !== "2021") return;
    const overview = sectionHeading(model, 1);
    const overviewText = sectionText(model, 1);
    if (overview && overviewText.length >= MIN_OVERVIEW) {
      for (const topic of OVERVIEW_TOPICS) {
        if (topic.words.test(overviewText)) continue;
        report({
          range: overview.range,
          message: localized(`“总体情况”未涉及${topic.name.zh}`, `Section 一 says nothing of ${topic.name.en}`),
        });
      }
      // The government's own report: judged over the whole text, wherever it reports them.
      if (model.organ && GOVERNMENT.test(model.organ) && !ACCOUNTABILITY.words.test(model.paragraphs.map((p) => p.text).join("\n")))
        report({
          range: overview.range,
          message: localized(
            `政府的年度报告未涉及${ACCOUNTABILITY.name.zh}结果情况`,
            `A government's report says nothing of ${ACCOUNTABILITY.name.en}`,
          ),
        });
    }
    const problems = sectionHeading(model, 5);
    if (problems && !runsOn(model, problems) && saysNothing(model, problems))
      report({
        range: problems.range,
        message: localized("“存在的主要问题及改进情况”未写明问题和改进措施", "Section 五 names no problem and no measure"),
      });
  },
});
