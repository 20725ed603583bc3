import { statSync } from "node:fs";
import { dirname } from "node:path";
import { formatReviewFile, staleDecisions } from "../../core";
import { type Args, UsageError } from "../args";
import { writeAtomically } from "../atomic";
import { readReviewFile, reviewPathFor } from "../../node/review";
import { shownPath } from "../../node/files";
import { checkPaths } from "./check";

/**
 * `gov-report review [--prune] PATH…`: the decisions of the review files
 * beside the reports (those of the named files' folders) whose finding no
 * longer occurs in any of them (the report was changed, or the rule no longer
 * finds it) are listed as stale; with --prune they are removed from the file.
 */
export async function review(args: Args): Promise<number> {
  if (!args.paths.length) throw new UsageError("请指定报告所在的文件或文件夹 / no files given");
  // Every report beside a review file is checked, whichever of them were named: a decision on one not named is not stale.
  const folders = [...new Set(args.paths.map((p) => (statSync(p, { throwIfNoEntry: false })?.isDirectory() ? p : dirname(p))))];
  const { results, problems, configProblems } = await checkPaths({ ...args, paths: folders }, "stylish", { applyReview: false });
  const occurring = new Set(results.flatMap((r) => r.fingerprints ?? []));
  const files = [...new Set(results.map((r) => reviewPathFor(r.file)))];
  const prune = args.options.has("--prune");
  let stale = 0;
  for (const file of files) {
    const decisions = readReviewFile(file, (m) => configProblems.push(m));
    const gone = staleDecisions(decisions, occurring);
    if (!gone.length) continue;
    stale += gone.length;
    process.stdout.write(`${shownPath(file)}\n`);
    for (const d of gone) process.stdout.write(`  ${d.fingerprint}  ${d.decision === "accepted" ? "已确认" : "不是问题"}  ${d.rule ?? ""}  ${d.report ?? ""}  ${d.quote ?? ""}\n`);
    if (prune) writeAtomically(file, Buffer.from(formatReviewFile(decisions.filter((d) => !gone.includes(d))), "utf8"));
  }
  process.stdout.write(
    stale
      ? `${prune ? "已删除" : "有"} ${stale} 条审核记录所指的问题已不存在${prune ? "" : "（加 --prune 删除）"} / ${stale} stale decisions${prune ? " removed" : " (--prune removes them)"}\n`
      : "审核记录均仍适用 / every decision still applies\n",
  );
  return problems.length || configProblems.length ? 2 : 0;
}
