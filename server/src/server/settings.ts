import { readConfig, type Locale, type RuleSetting } from "../core";

/** The `govReport.*` settings the server uses, as the client sends them. */
export interface Settings {
  enable: boolean;
  autoDetect: boolean;
  run: "onType" | "onSave";
  debounce: number;
  rules: Record<string, RuleSetting>;
  inlayHints: { enabled: boolean };
  locale: "auto" | Locale;
  maxDocumentSize: number;
  /** Findings of every report in the workspace in Problems, not only of open ones. */
  workspaceCheck: boolean;
  /** Last year's report, relative to the document's workspace folder (else the first); "" to look for it in the workspace. */
  previousReport: string;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  autoDetect: true,
  run: "onType",
  debounce: 200,
  rules: {},
  inlayHints: { enabled: true },
  locale: "auto",
  maxDocumentSize: 1_000_000,
  workspaceCheck: false,
  previousReport: "",
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Settings arrive as untyped JSON: each field is checked, and a wrong one keeps its default. */
export function readSettings(raw: unknown): Settings {
  const s = isObject(raw) ? raw : {};
  const bool = (v: unknown, d: boolean) => (typeof v === "boolean" ? v : d);
  const count = (v: unknown, d: number) => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : d);
  const d = DEFAULT_SETTINGS;
  return {
    enable: bool(s.enable, d.enable),
    autoDetect: bool(s.autoDetect, d.autoDetect),
    run: s.run === "onSave" ? "onSave" : "onType",
    debounce: count(s.debounce, d.debounce),
    // The same validation as .govreportrc.json: unknown rules and settings are dropped.
    rules: readConfig({ rules: isObject(s.rules) ? s.rules : {} }).config.rules,
    inlayHints: { enabled: bool(isObject(s.inlayHints) ? s.inlayHints.enabled : undefined, d.inlayHints.enabled) },
    locale: s.locale === "zh-cn" || s.locale === "en" ? s.locale : "auto",
    maxDocumentSize: count(s.maxDocumentSize, d.maxDocumentSize),
    workspaceCheck: bool(s.workspaceCheck, d.workspaceCheck),
    previousReport: typeof s.previousReport === "string" ? s.previousReport : d.previousReport,
  };
}
