import type { Rule } from "../rules";
import { localized, pick, type Locale } from "../types";

/**
 * A rule's documentation as Markdown, from its metadata: what it checks,
 * what the official format requires, a wrong and a right example, its fix,
 * how to silence it. The editor shows it offline, in the Markdown preview.
 */

const SEVERITY = {
  error: localized("错误", "error"),
  warning: localized("警告", "warning"),
  info: localized("信息", "info"),
  hint: localized("提示", "hint"),
};

const FIX = {
  safe: localized("可安全自动修复（“修复全部问题”和保存时修复会应用它）", "Safe automatic fix (applied by Fix All and on save)"),
  suggested: localized("提供快速修复建议（需逐条确认，可能改动数字）", "Quick fix offered (confirm each; it may change a figure)"),
  none: localized("需手动修改", "Fix by hand"),
};

export function ruleDocumentation(rule: Rule, locale: Locale): string {
  const t = (zh: string, en: string) => pick(localized(zh, en), locale);
  return [
    `# ${pick(rule.description, locale)}`,
    `${t("规则", "Rule")} \`${rule.id}\``,
    `## ${t("默认级别", "Default severity")}`,
    pick(SEVERITY[rule.severity], locale),
    `## ${t("格式要求", "What the format requires")}`,
    pick(rule.basis, locale),
    `## ${t("示例", "Example")}`,
    `- ${t("错误：", "Wrong: ")}${pick(rule.example, locale)}\n- ${t("正确：", "Right: ")}${pick(rule.correct, locale)}`,
    `## ${t("修复", "Fix")}`,
    pick(FIX[rule.fix], locale),
    `## ${t("设置", "Settings")}`,
    t(
      `在设置 \`govReport.rules\` 或 \`.govreportrc.json\` 的 \`rules\` 中把 \`"${rule.id}"\` 设为 \`"error"\`、\`"warning"\`、\`"info"\`、\`"hint"\` 或 \`"off"\`。`,
      `Set \`"${rule.id}"\` to \`"error"\`, \`"warning"\`, \`"info"\`, \`"hint"\` or \`"off"\` in the \`govReport.rules\` setting or under \`rules\` in \`.govreportrc.json\`.`,
    ),
    t(
      "对确属有意的个别情况，可在文中停用（快速修复“在此处忽略此规则”“在本文件中忽略”会写入这样的注释）：",
      "To accept an intentional case, disable the rule in the text (the quick fixes “Ignore here” and “Ignore in this file” write these comments):",
    ),
    [
      "```",
      `<!-- gov-report-disable-next-line ${rule.id} -->`,
      `<!-- gov-report-disable-line ${rule.id} -->`,
      `<!-- gov-report-disable ${rule.id} -->`,
      "```",
    ].join("\n"),
  ].join("\n\n") + "\n";
}
