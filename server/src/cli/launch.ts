import { join } from "node:path";
import { requireWithCompileCache } from "../node/compileCache";
import { isCommandName } from "./commandNames";
import { favourShortRun } from "./shortRun";

/**
 * The `gov-report` command (dist/cli.js). The CLI itself is the bundle
 * dist/cli-main.js; this sets V8's flags for the command and starts the bundle
 * through a code cache (node/compileCache.ts), each command with its own.
 * `lsp` is long-running: it keeps V8's defaults and compiles as usual. The
 * flags are set before the bundle is compiled, since V8 takes a cache only
 * under the flags it was made with.
 */
const bundle = join(__dirname, "cli-main.js");
const command = process.argv[2] ?? "";

if (command === "lsp") require(bundle);
else {
  favourShortRun();
  requireWithCompileCache(bundle, isCommandName(command) ? command : "cli");
}
