// The extension's own user-facing names, as the English workbench of code-server shows them
// (package.nls.json): the tests type what a user reads.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./paths";

const english = JSON.parse(readFileSync(join(repoRoot, "package.nls.json"), "utf8")) as Record<string, string>;

/** The title of a contributed command, e.g. "New Annual Report" for `newReport`. */
export function commandTitle(command: "newReport" | "insertTable" | "convertTableLayout" | "fixAll" | "showRuleDocs"): string {
  return english[`command.${command}`];
}

/** The name of the report language in the status bar's language indicator. */
export const languageName = english["language.name"];
