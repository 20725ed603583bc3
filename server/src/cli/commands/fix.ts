import { fixAll, parse } from "../../core";
import { option, UsageError, type Args } from "../args";
import { writeAtomically } from "../atomic";
import { ConfigLoader } from "../../node/config";
import { encode, isWordFile, readStampedDraft, shownPath } from "../../node/files";
import { ReviewLoader } from "../../node/review";
import type { FileResult } from "../output";
import { collect } from "../targets";

export function fix(args: Args): number {
  if (!args.paths.length) throw new UsageError("请指定要修复的文件或文件夹 / no files given");
  const loader = new ConfigLoader(option(args, "--config"));
  const reviews = new ReviewLoader();
  const tell = (m: string) => process.stderr.write(`gov-report: ${m}\n`);
  const problems: FileResult[] = [];
  let status = 0;
  for (const t of collect(args.paths, problems)) {
    // Fixes rewrite text; a Word report is fixed in Word (or imported, fixed and exported again).
    if (isWordFile(t.file)) {
      if (t.explicit) {
        process.stderr.write(`gov-report: ${shownPath(t.file)}: Word 文件不能就地修复，请先 import 为文本草稿 / a Word file cannot be fixed in place; import it as a text draft first\n`);
        status = 2;
      }
      continue;
    }
    try {
      // Not readFileSync: a device file or a FIFO is refused instead of read forever.
      const decoded = readStampedDraft(t.file);
      const model = parse(decoded.text);
      if (!model.isReport) {
        if (t.explicit) process.stderr.write(`gov-report: ${shownPath(t.file)}: 未识别为年度报告，未修改 / not a report, left unchanged\n`);
        continue;
      }
      const config = loader.forFile(t.file, tell);
      // A finding the reviewer marked 不是问题 in the folder's review file is left as it is.
      const { text, fixed, fixedByRule, left } = fixAll(decoded.text, { config, review: reviews.reviewOf(t.file, tell) });
      if (text === decoded.text) continue;
      // The stamp of the file as read: a line added while the fixes were computed is not overwritten.
      writeAtomically(t.file, encode(text, decoded.encoding), { expected: decoded.stamp });
      const byRule = Object.entries(fixedByRule)
        .map(([rule, n]) => `${rule} ${n}`)
        .join("、");
      process.stdout.write(`${shownPath(t.file)}: 已修复 ${fixed} 处（${byRule}），尚有 ${left.length} 处需逐条核对 / ${fixed} fixes applied, ${left.length} findings left\n`);
    } catch (e) {
      process.stderr.write(`gov-report: ${shownPath(t.file)}: ${(e as Error).message}\n`);
      status = 2;
    }
  }
  for (const p of problems) process.stderr.write(`gov-report: ${shownPath(p.file)}: ${p.problem}\n`);
  return problems.length ? 2 : status;
}

