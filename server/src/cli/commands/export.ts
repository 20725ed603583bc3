import { basename, dirname, extname, join } from "node:path";
import { localized, parse, pick } from "../../core";
import { loadDocx } from "../../docx/lazy";
import { localeOf, option, UsageError, type Args } from "../args";
import { sameFile, writeOutput } from "../atomic";
import { ConfigLoader } from "../../node/config";
import { readDraft, shownPath } from "../../node/files";
import { toStylish } from "../output";
import { previousReports } from "../previous";

/**
 * gov-report export draft.txt [-o report.docx] [--force] [--previous last.txt]:
 * the draft as the official Word document (next to the draft without -o). It
 * is checked as `check` checks it: the .govreportrc.json above it (or
 * --config) sets the rules, the locale and last year's report (or
 * --previous). A draft with errors is not exported unless forced: exit 1 and
 * the list of errors.
 */
export async function exportCommand(args: Args): Promise<number> {
  if (args.paths.length !== 1) throw new UsageError("export 需要一个草稿文件 / export takes one draft file");
  const [draftPath] = args.paths;
  const output = option(args, "--output") ?? option(args, "-o") ?? join(dirname(draftPath), basename(draftPath, extname(draftPath)) + ".docx");
  if (sameFile(output, draftPath)) throw new UsageError("输出文件不能是草稿本身 / the output must not be the draft itself");
  const config = new ConfigLoader(option(args, "--config")).forFile(draftPath, (m) => process.stderr.write(`gov-report: ${m}\n`));
  const locale = localeOf(args, config);
  const force = args.options.has("--force");
  const text = readDraft(draftPath).text;
  const unreadable: string[] = [];
  const [previous] = await previousReports([{ file: draftPath, model: parse(text), config }], option(args, "--previous"), (file, problem) => unreadable.push(`${file}: ${problem}`), (note) => process.stderr.write(`gov-report: ${note}\n`));
  if (unreadable.length) {
    for (const p of unreadable) process.stderr.write(`gov-report: ${p}\n`);
    return 2;
  }
  const { exportDocx } = await loadDocx();
  const result = await exportDocx(text, { force, config, previous: previous?.model });
  if (!result.exported) {
    process.stderr.write(toStylish([{ file: draftPath, findings: result.errors }], locale, process.stderr.isTTY === true) + "\n");
    const refused = localized("未导出：草稿有错误。请先修正，或加 --force 强制导出。", "Not exported: the draft has errors. Fix them, or add --force to export anyway.");
    process.stderr.write(pick(refused, locale) + "\n");
    return 1;
  }
  writeOutput(output, result.docx);
  const errors = result.findings.filter((f) => f.severity === "error").length;
  const shown = shownPath(output);
  const done = errors
    ? localized(`已导出 ${shown}（强制导出，草稿有 ${errors} 个错误）`, `Exported ${shown} (forced: the draft has ${errors} errors)`)
    : localized(`已导出 ${shown}`, `Exported ${shown}`);
  process.stdout.write(pick(done, locale) + "\n");
  return 0;
}
