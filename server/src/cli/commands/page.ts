import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { option, UsageError, type Args } from "../args";
import { writeOutput } from "../atomic";

/** The offline page, built beside this bundle (scripts/build-page.mjs) and shipped with it. */
const PAGE = join(__dirname, "gov-report.html");

/** gov-report page [-o 年报检查.html]: the offline checking page, one HTML file, on stdout without -o. */
export function pageCommand(args: Args): number {
  if (args.paths.length) throw new UsageError("page 不接受文件参数，用 -o 指定输出文件 / page takes no paths: name the output with -o");
  if (!existsSync(PAGE)) throw new Error(`找不到离线页面 / the offline page is missing: ${PAGE}`);
  const html = readFileSync(PAGE);
  const output = option(args, "--output") ?? option(args, "-o");
  if (output) writeOutput(output, html);
  else process.stdout.write(html);
  return 0;
}
