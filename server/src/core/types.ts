/** Positions and ranges follow LSP: 0-based lines, UTF-16 code-unit characters. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A string in both languages the product speaks; adapters pick one by locale. */
export interface Localized {
  zh: string;
  en: string;
}

export type Locale = "zh-cn" | "en";

export type Severity = "error" | "warning" | "info" | "hint";

export const range = (line: number, start: number, endLine: number, end: number): Range => ({
  start: { line, character: start },
  end: { line: endLine, character: end },
});

export const lineRange = (line: number, start: number, end: number): Range => range(line, start, line, end);

export const localized = (zh: string, en: string): Localized => ({ zh, en });

export const pick = (text: Localized, locale: Locale): string => (locale === "en" ? text.en : text.zh);
