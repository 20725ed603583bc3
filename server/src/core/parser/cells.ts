import type { ValueKind } from "../formats";
import { contentEnd, contentStart, toHalfWidth } from "../text";

/**
 * Reads one table value as written in drafts: padding, full-width digits,
 * 减2 / 增3, thousands separators, units, and "/" "-" "无" for none.
 */
export interface CellReading {
  status: "number" | "empty" | "invalid";
  value?: number;
  canonical?: string;
  noneMarker?: boolean;
  problem?: "not-a-number" | "negative" | "fraction" | "sign" | "double-sign";
}

const NONE = /^(?:[-—–－/／\\]|无|空)$/;
// Constants, not literals in the functions: a regex literal is a new RegExp object each time it runs, and these run per cell.
/** \s covers U+00A0 and U+3000 too. */
const SPACES = /\s+/g;
const VALUE_LIKE = /^(?:[+\-−—–减增]{0,3})\d[\d,，.]*(?:万元|元|件|条|个|项|次)?$/;
const NUMBER = /^([+\-−—–减增]*)(\d[\d,，]*)(?:\.(\d+))?(万元|元|件|条|个|项|次)?$/;
const SEPARATORS = /[,，]/g;
const GROUPED = /^\d{1,3}([,，]\d{3})+$/;

/** Characters a value or none marker can start with, before toHalfWidth (its full-width forms too). */
const VALUE_START = new Set(
  [..."0123456789０１２３４５６７８９+-−—–减增＋－/／\\＼无空"].map((c) => c.charCodeAt(0)),
);

/** s[a, b) is ASCII digits only (b > a). */
function isDigits(s: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Does the text look like a table value (as opposed to a label)? `a` and `b`
 * bound its content when the caller knows them (a grid cell does).
 */
export function isValueLike(text: string, a = contentStart(text), b = contentEnd(text, a)): boolean {
  // A value starts with a digit, a sign, 减/增 or a none marker: a cell that starts otherwise (a label) is
  // answered without normalising it. Its first character survives trimming and toHalfWidth's mapping.
  if (a === b) return true;
  if (!VALUE_START.has(text.charCodeAt(a))) return false;
  if (isDigits(text, a, b)) return true;
  const t = toHalfWidth(text.slice(a, b)).replace(SPACES, "");
  if (t === "" || NONE.test(t)) return true;
  return VALUE_LIKE.test(t);
}

/** The reading of a cell's text; `a` and `b` bound its content when the caller knows them. */
export function readCell(text: string, kind: ValueKind, a = contentStart(text), b = contentEnd(text, a)): CellReading {
  if (a === b) return { status: "empty" };
  if (isDigits(text, a, b)) {
    // Plain digits, as nearly every value is written: what the general reading below gives them.
    const trimmed = text.slice(a, b);
    const canonical = String(Number(trimmed));
    return { status: "number", value: Number(trimmed), canonical: trimmed === canonical ? undefined : canonical };
  }
  const trimmed = text.slice(a, b);
  const t = toHalfWidth(trimmed).replace(SPACES, "");
  if (NONE.test(t)) return { status: "empty", noneMarker: true };
  const m = NUMBER.exec(t);
  if (!m) return { status: "invalid", problem: "not-a-number" };
  const [, signs, intPart, frac] = m;
  if (signs.length > 1) return { status: "invalid", problem: "double-sign" };
  const negative = signs === "-" || signs === "−" || signs === "—" || signs === "–" || signs === "减";
  if (signs && kind !== "signed") {
    return { status: "invalid", problem: negative ? "negative" : "sign" };
  }
  if (frac !== undefined && kind !== "amount") return { status: "invalid", problem: "fraction" };
  const digits = intPart.replace(SEPARATORS, "");
  const grouped = digits.length !== intPart.length;
  if (grouped && !GROUPED.test(intPart)) return { status: "invalid", problem: "not-a-number" };
  const numberText = frac !== undefined ? `${digits}.${frac}` : digits;
  const value = Number(numberText) * (negative ? -1 : 1);
  const canonical = (negative ? "-" : signs === "+" ? "+" : "") + String(Number(digits)) + (frac !== undefined ? `.${frac}` : "");
  // Canonical is the written form less the noise: full-width digits, 减/增, separators, units, leading zeros.
  const writtenPlain = trimmed === canonical;
  return { status: "number", value: Object.is(value, -0) ? 0 : value, canonical: writtenPlain ? undefined : canonical };
}

