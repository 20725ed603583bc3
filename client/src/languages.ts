/** The language ids the extension works with. */
export const REPORT_LANGUAGE = "gov-report";
/** Other languages a draft may arrive in; they are checked only when they hold a report. */
export const DRAFT_LANGUAGES = ["plaintext", "markdown"];
