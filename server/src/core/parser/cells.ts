import type { ValueKind } from "../formats";
import { toHalfWidth, trimPadding } from "../text";

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

/** Does the text look like a table value (as opposed to a label)? */
export function isValueLike(text: string): boolean {
  const t = toHalfWidth(trimPadding(text)).replace(/\s+/g, "");
  if (t === "" || NONE.test(t)) return true;
  return /^(?:[+\-−—–减增]{0,3})\d[\d,，.]*(?:万元|元|件|条|个|项|次)?$/.test(t);
}

export function readCell(text: string, kind: ValueKind): CellReading {
  const trimmed = trimPadding(text);
  if (trimmed === "") return { status: "empty" };
  const t = toHalfWidth(trimmed).replace(/[\s\u00a0\u3000]+/g, "");
  if (NONE.test(t)) return { status: "empty", noneMarker: true };
  const m = /^([+\-−—–减增]*)(\d[\d,，]*)(?:\.(\d+))?(万元|元|件|条|个|项|次)?$/.exec(t);
  if (!m) return { status: "invalid", problem: "not-a-number" };
  const [, signs, intPart, frac] = m;
  if (signs.length > 1) return { status: "invalid", problem: "double-sign" };
  const negative = signs === "-" || signs === "−" || signs === "—" || signs === "–" || signs === "减";
  if (signs && kind !== "signed") {
    return { status: "invalid", problem: negative ? "negative" : "sign" };
  }
  if (frac !== undefined && kind !== "amount") return { status: "invalid", problem: "fraction" };
  const digits = intPart.replace(/[,，]/g, "");
  const grouped = /[,，]/.test(intPart);
  if (grouped && !/^\d{1,3}([,，]\d{3})+$/.test(intPart)) return { status: "invalid", problem: "not-a-number" };
  const numberText = frac !== undefined ? `${digits}.${frac}` : digits;
  const value = Number(numberText) * (negative ? -1 : 1);
  const canonical = (negative ? "-" : signs === "+" ? "+" : "") + String(Number(digits)) + (frac !== undefined ? `.${frac}` : "");
  // Canonical is the written form less the noise: full-width digits, 减/增, separators, units, leading zeros.
  const writtenPlain = trimmed === canonical;
  return { status: "number", value: Object.is(value, -0) ? 0 : value, canonical: writtenPlain ? undefined : canonical };
}

