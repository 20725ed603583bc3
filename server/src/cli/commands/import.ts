import { option, UsageError, type Args } from "../args";
import { sameFile, writeOutput } from "../atomic";
import { readWordDraft } from "../../node/files";

/** gov-report import report.docx [-o draft.txt]: a Word report as a text draft, on stdout without -o. */
export async function importCommand(args: Args): Promise<number> {
  if (args.paths.length !== 1) throw new UsageError("import 需要一个 .docx 文件 / import takes one .docx file");
  const output = option(args, "--output") ?? option(args, "-o");
  if (output && sameFile(output, args.paths[0])) throw new UsageError("输出文件不能是输入的 Word 文件本身 / the output must not be the Word file itself");
  const draft = await readWordDraft(args.paths[0]);
  if (output) writeOutput(output, Buffer.from(draft.text, "utf8"));
  else process.stdout.write(draft.text);
  return 0;
}
