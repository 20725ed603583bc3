import { pick, type Finding, type Locale, type Range, type ReportSymbol, type ReportSymbolKind, type Severity } from "../core";
import type { ReviewFinding } from "./reviewProtocol";

/**
 * The large results of the check worker (background.ts), packed into a few
 * flat arrays to cross to the main thread. Structured clone copies an array
 * of numbers in one go, but nested objects one property at a time, and the
 * main thread rebuilds them: the 1 MB draft's 1,410 findings took 5 ms to
 * serialise in the worker and 7 ms to rebuild (both languages' messages and
 * the fixes included), its 1,955 symbols 3.5 and 5.6 ms; packed, about 1 ms
 * each.
 */

/** A range as four numbers: start line, start character, end line, end character. */
const RANGE = 4;
const rangeNumbers = ({ start, end }: Range) => [start.line, start.character, end.line, end.character];
const rangeAt = (n: Uint32Array, at: number): Range => ({ start: { line: n[at], character: n[at + 1] }, end: { line: n[at + 2], character: n[at + 3] } });

/** A check's findings in the document's locale, without their fixes (which stay in the worker for the code actions). */
export interface PackedFindings {
  rules: string[];
  messages: string[];
  /** Per finding: its range, then its severity (index in SEVERITIES). */
  numbers: Uint32Array;
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "info", "hint"];
const FINDING = RANGE + 1;

export function packFindings(findings: Finding[], locale: Locale): PackedFindings {
  return {
    rules: findings.map((f) => f.rule),
    messages: findings.map((f) => pick(f.message, locale)),
    numbers: Uint32Array.from(findings.flatMap((f) => [...rangeNumbers(f.range), SEVERITIES.indexOf(f.severity)])),
  };
}

export function unpackFindings({ rules, messages, numbers }: PackedFindings): ReviewFinding[] {
  return rules.map((rule, i) => ({ rule, severity: SEVERITIES[numbers[i * FINDING + RANGE]], message: messages[i], range: rangeAt(numbers, i * FINDING) }));
}

/** The outline: every symbol in preorder. */
export interface PackedSymbols {
  names: string[];
  details: (string | undefined)[];
  kinds: ReportSymbolKind[];
  /** Per symbol: its range, its selection range, then its number of children. */
  numbers: Uint32Array;
}

const SYMBOL = 2 * RANGE + 1;

export function packSymbols(symbols: ReportSymbol[]): PackedSymbols {
  const packed = { names: [] as string[], details: [] as (string | undefined)[], kinds: [] as ReportSymbolKind[], numbers: [] as number[] };
  const visit = (s: ReportSymbol) => {
    packed.names.push(s.name);
    packed.details.push(s.detail);
    packed.kinds.push(s.kind);
    packed.numbers.push(...rangeNumbers(s.range), ...rangeNumbers(s.selectionRange), s.children.length);
    s.children.forEach(visit);
  };
  symbols.forEach(visit);
  return { ...packed, numbers: Uint32Array.from(packed.numbers) };
}

export function unpackSymbols({ names, details, kinds, numbers }: PackedSymbols): ReportSymbol[] {
  let next = 0;
  const symbol = (): ReportSymbol => {
    const i = next++;
    const at = i * SYMBOL;
    const children = Array.from({ length: numbers[at + 2 * RANGE] }, symbol);
    return { name: names[i], detail: details[i], kind: kinds[i], range: rangeAt(numbers, at), selectionRange: rangeAt(numbers, at + RANGE), children };
  };
  const roots: ReportSymbol[] = [];
  while (next < names.length) roots.push(symbol());
  return roots;
}
