import * as vscode from "vscode";
import { localeOfDisplayLanguage } from "../../server/src/core/services/locale";
import { localized, pick, type Locale, type Localized } from "../../server/src/core/types";

/** The client's messages follow the same locale as the server's: `govReport.locale`, else VS Code's display language. */
export function clientLocale(): Locale {
  const setting = vscode.workspace.getConfiguration("govReport").get<string>("locale");
  return setting === "zh-cn" || setting === "en" ? setting : localeOfDisplayLanguage(vscode.env.language);
}

export function t(zh: string, en: string): string {
  return pick(localized(zh, en), clientLocale());
}

export function tl(text: Localized): string {
  return pick(text, clientLocale());
}
