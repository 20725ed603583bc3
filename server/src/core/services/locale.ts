import type { Locale } from "../types";

/** An editor's display language as a locale the product speaks: Chinese for zh-*, English for any other. */
export function localeOfDisplayLanguage(language: string | undefined): Locale {
  return !language || /^zh/i.test(language) ? "zh-cn" : "en";
}
