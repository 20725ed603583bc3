import { parseArgs, UsageError, type Args } from "./args";
import { isCommandName, type CommandName } from "./commandNames";
import { check } from "./commands/check";
import { exportCommand } from "./commands/export";
import { fix } from "./commands/fix";
import { importCommand } from "./commands/import";
import { lsp } from "./commands/lsp";
import { newCommand } from "./commands/new";
import { pageCommand } from "./commands/page";
import { parseCommand } from "./commands/parse";
import { review } from "./commands/review";
import { isCheckWorker, serveBatches } from "./parallel";
import { VERSION } from "./version";

const USAGE = `gov-report ${VERSION} — 政府信息公开工作年度报告检查工具

用法 / usage:
  gov-report check [--format stylish|json|sarif|html|xlsx|docx] [-o FILE] [--summary] [--previous FILE] [--locale zh-cn|en] [--config FILE] PATH…
  gov-report review [--prune] PATH…
  gov-report fix [--config FILE] PATH…
  gov-report parse --json FILE
  gov-report new --year YYYY [--organ 名称] [--format 2019|2021]
  gov-report import REPORT.docx [-o DRAFT.txt]
  gov-report export DRAFT.txt [-o REPORT.docx] [--force] [--previous FILE] [--config FILE]
  gov-report page [-o 年报检查.html]
  gov-report lsp [--stdio | --node-ipc | --socket=PORT]
  gov-report --version | --help

check  检查文件或文件夹（文件夹中的 .txt/.md 年报草稿和 .docx Word 报告）。退出码：0 无错误，1 有错误，2 用法或读写错误。
       同一机关上一年度的报告在所查文件中时自动对照（也可用 --previous 或配置 previous 指定）；
       --summary 输出汇总表；--format html -o 审阅.html 生成供上级机关审阅的网页；
       --format xlsx -o 问题清单.xlsx 生成问题清单表格；--format docx -o 审核意见.docx 生成审核意见（文件夹则 -o 指定输出文件夹，每份报告一个文档）。
       报告所在文件夹的 .govreport-review.json（审核记录）中标为“不是问题”的问题不再列出，“已确认”的加以标注。
fix    就地应用安全修复（只改写法，不改数字）。
review 列出审核记录中所指问题已不存在的记录；--prune 将其删除。
parse  以 JSON 输出解析结果。
new    输出指定年份的完整报告模板（格式按年份选择）。
import 将 Word 报告（.docx）转换为文本草稿（check 也可直接检查 .docx，问题以段落或表格行列标出）。
export 将草稿导出为正式版式的 Word 文档；草稿有错误时拒绝导出，除非加 --force。
page   输出离线检查页面（一个 HTML 文件，双击即可在浏览器中使用，不联网、不安装）：
       拖入或粘贴草稿即可检查、预览、应用安全修正、下载修正后的文本和 Word 文档；拖入多份报告得到汇总表。
lsp    启动语言服务器（默认经标准输入输出通信），供 Neovim、Emacs、Helix、Sublime Text 等编辑器使用；
       与 gov-report-language-server 相同。见 docs/editors.md。`;

/** The commands; each is a module under commands/. */
const COMMANDS: Record<CommandName, (args: Args) => number | Promise<number>> = {
  check,
  fix,
  parse: parseCommand,
  new: newCommand,
  import: importCommand,
  export: exportCommand,
  review,
  page: pageCommand,
  lsp,
};

export async function main(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === "--version" || args.options.has("--version")) {
      process.stdout.write(VERSION + "\n");
      return 0;
    }
    if (["", "help", "--help", "-h"].includes(args.command)) {
      process.stdout.write(USAGE + "\n");
      return args.command === "" ? 2 : 0;
    }
    if (!isCommandName(args.command)) throw new UsageError(`未知命令 / unknown command: ${args.command}`);
    return await COMMANDS[args.command](args);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`gov-report: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`gov-report: ${(e as Error).message}\n`);
    return 2;
  }
}

if (isCheckWorker()) {
  // A worker thread of `check` on many files (parallel.ts): same bundle, no command of its own.
  serveBatches();
} else {
  // `gov-report check … | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });

  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
