import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { renderReport, type TemplateLayout } from "../server/src/core";
import { seeded } from "../test/helpers/random";
import { SAMPLES_DIR } from "./paths";

/**
 * The drafts the benchmark checks: the shared samples as they are, and
 * generated ones — clean reports from renderReport in every layout and both
 * formats, made dirty by a seeded defect generator so that every run checks
 * the same text and the rules have findings to report.
 */


export interface Sample {
  name: string;
  text: string;
}

export function readSamples(): Sample[] {
  return readdirSync(SAMPLES_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(SAMPLES_DIR, name), "utf8") }));
}


const LAYOUTS: TemplateLayout[] = ["tabs", "pipes", "cell-per-line"];
const HEADING = /^([一二三四五六])、/;
/** A table value of 0 standing alone in its cell, in the tab and pipe layouts. */
const ZERO_CELL = /(^|\t|\| )0(?=\t|$| \|)/;

/**
 * The mistakes drafts are known for, at a low rate per line: figures that no
 * longer add up, full-width digits, Word bookmarks before headings, headings
 * without their numeral, and lost table rows.
 */
export function withDefects(text: string, random: () => number): string {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    const r = random();
    if (HEADING.test(line)) {
      out.push(r < 0.2 ? `[bookmark: _GoBack]${line}` : r < 0.3 ? line.replace(HEADING, "") : line);
    } else if (ZERO_CELL.test(line)) {
      if (r < 0.08) out.push(line.replace(ZERO_CELL, `$1${1 + Math.floor(random() * 20)}`));
      else if (r < 0.1) out.push(line.replace(ZERO_CELL, "$1０"));
      else if (r >= 0.99) continue;
      else out.push(line);
    } else out.push(line);
  }
  return out.join("\n");
}

/** The n-th generated report: a rendered one in a layout and format that vary with n, with defects. */
export function generatedReport(n: number): string {
  const year = 2019 + (n % 7);
  const text = renderReport({ year, organ: `第${n}号机关`, layout: LAYOUTS[n % LAYOUTS.length] });
  return withDefects(text, seeded(n));
}

/** The n-th report of a set: one in three is a sample with defects, the others are generated. */
export function variantReport(samples: Sample[], n: number): string {
  if (n % 3 === 0) return withDefects(samples[(n / 3) % samples.length].text, seeded(n));
  return generatedReport(n);
}

/**
 * A draft of at least `bytes` bytes (UTF-8): report variants one after
 * another, so it has many sections and tables in every layout, the samples'
 * prose, and defects.
 */
export function syntheticDraft(samples: Sample[], bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const part = variantReport(samples, n);
    parts.push(part);
    size += Buffer.byteLength(part) + 1;
  }
  return parts.join("\n");
}

/**
 * `unit` repeated until the draft has at least `bytes` bytes: the scaling
 * series grows the same text 10× at each step, so that its growth measures
 * the checker, not a change in the mix of reports (syntheticDraft's first
 * 10 KB are prose samples; its later reports are tables, one cell per line).
 */
export function repeatedDraft(unit: string, bytes: number): string {
  const times = Math.max(1, Math.ceil(bytes / (Buffer.byteLength(unit) + 1)));
  return Array.from({ length: times }, () => unit).join("\n");
}
