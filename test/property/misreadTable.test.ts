/**
 * A misread table never buries the draft: for random damage to one table of a
 * consistent report (lines dropped, cells merged, pipes removed), the
 * findings that lie inside that table number at most the damages done plus
 * one (the one finding a table that cannot be read with confidence may get).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { checkText, type Finding } from "../../server/src/core";
import { figureValues, layoutFigures, renderLayoutReport, renderLayoutTable, reportTables, TEMPLATE_LAYOUTS, WEB_LAYOUTS, type AnyLayout, type TableFormats } from "../helpers/layouts";
import { seeded } from "../helpers/random";
import type { Figures } from "./arbitraries";
import { CI_SEED } from "./properties";

const FORMATS: TableFormats[] = ["2019", "2021", { active: "2019", applications: "2021" }];

interface Case {
  formats: TableFormats;
  layout: AnyLayout;
  /** Which table of the report is damaged (index into its tables). */
  table: number;
  figures: Figures;
  /** Seed of the damage done to the table's lines. */
  damageSeed: number;
}

const caseOf = (layouts: AnyLayout[]): fc.Arbitrary<Case> =>
  fc
    .record({ formats: fc.constantFrom(...FORMATS), layout: fc.constantFrom(...layouts), table: fc.nat(), damageSeed: fc.nat() })
    .chain((c) => layoutFigures(c.formats).map((figures) => ({ ...c, figures, [fc.toStringMethod]: () => describeCase({ ...c, figures }) })));

/** A counterexample as what to replay, not as its hundred figures. */
function describeCase(c: Case): string {
  const tables = reportTables(c.formats);
  return `${JSON.stringify(c.formats)} ${c.layout}, table ${tables[c.table % tables.length].id}, damage seed ${c.damageSeed}`;
}

type Damage = (lines: string[], random: () => number) => string[];

const at = (random: () => number, n: number) => Math.floor(random() * n);

const dropLine: Damage = (lines, random) => {
  const k = at(random, lines.length);
  return lines.filter((_, i) => i !== k);
};

/** Two neighbouring cells made one: a separator inside a row removed, or a cell's line joined to the next. */
const mergeCells: Damage = (lines, random) => {
  const k = at(random, lines.length);
  const separators = [...lines[k].matchAll(/\t| ?\| ?/g)].filter((m) => m.index! > 0 && m.index! + m[0].length < lines[k].length);
  const out = [...lines];
  if (separators.length) {
    const s = separators[at(random, separators.length)];
    out[k] = lines[k].slice(0, s.index) + lines[k].slice(s.index! + s[0].length);
    return out;
  }
  if (k + 1 >= lines.length) return lines;
  out.splice(k, 2, lines[k].replace(/ ?\|$/, "") + lines[k + 1]);
  return out;
};

const removePipes: Damage = (lines, random) => {
  const withPipes = lines.map((l, i) => (l.includes("|") ? i : -1)).filter((i) => i >= 0);
  if (!withPipes.length) return lines;
  const k = withPipes[at(random, withPipes.length)];
  return lines.map((l, i) => (i === k ? l.replace(/ ?\| ?/g, "") : l));
};

const DAMAGES = [dropLine, mergeCells, removePipes];

/** The report, the damaged table's 0-based line range in it, and how many damages changed the text. */
function damagedReport(c: Case): { text: string; first: number; last: number; damages: number } {
  const tables = reportTables(c.formats);
  const table = tables[c.table % tables.length];
  const values = figureValues(c.formats, c.figures);
  const report = renderLayoutReport({ year: typeof c.formats === "string" && c.formats === "2019" ? 2020 : 2022, formats: c.formats, layout: c.layout, values });
  const tableText = renderLayoutTable({ table, values }, c.layout);
  const offset = report.indexOf(tableText);
  assert.ok(offset >= 0, "the table's text stands in the report");
  const first = report.slice(0, offset).split("\n").length - 1;
  let lines = tableText.split("\n");
  const random = seeded(c.damageSeed);
  let damages = 0;
  for (let n = 1 + at(random, 3); n > 0; n--) {
    const damaged = DAMAGES[at(random, DAMAGES.length)](lines, random);
    if (damaged.join("\n") !== lines.join("\n")) damages++;
    lines = damaged;
  }
  const text = report.slice(0, offset) + lines.join("\n") + report.slice(offset + tableText.length);
  return { text, first, last: first + lines.length - 1, damages };
}

function atMostOneFindingPerDamage(c: Case): void {
  const { text, first, last, damages } = damagedReport(c);
  const inside = (f: Finding) => f.range.start.line >= first && f.range.end.line <= last;
  const findings = checkText(text).findings.filter(inside);
  assert.ok(
    findings.length <= damages + 1,
    `${findings.length} findings inside the table (lines ${first + 1}–${last + 1}) after ${damages} damages: ${findings.map((f) => `${f.rule}@${f.range.start.line + 1}`).join(", ")}`,
  );
}

/** fc.assert, with the failed assertion's own message in the error (fast-check keeps it as the cause only). */
function assertProperty(layouts: AnyLayout[]): void {
  try {
    fc.assert(fc.property(caseOf(layouts), atMostOneFindingPerDamage), { seed: CI_SEED, numRuns: 200 });
  } catch (e) {
    const cause = (e as Error).cause;
    throw cause instanceof Error ? new Error(`${(e as Error).message}\n${cause.message}`) : e;
  }
}

test("a damaged table in a template layout: at most one finding inside it per damage, plus one", () => assertProperty(TEMPLATE_LAYOUTS));

test("a damaged table in a web-copy layout: at most one finding inside it per damage, plus one", () => assertProperty(WEB_LAYOUTS));
