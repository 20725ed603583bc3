/**
 * What must hold for any text, checked against an oracle of our own (LSP line
 * rules), not against the core's helpers: ranges inside the document, on
 * UTF-16 boundaries that keep surrogate pairs whole, fixes that edit only
 * what they name.
 */
import assert from "node:assert/strict";
import { applyEdits, parse, RULES, type Finding, type Fix, type Range, type ReportModel } from "../../server/src/core";
import type { Report } from "../../server/src/core/rules/types";

/** The document's lines as LSP counts them (LF, CRLF, CR); a leading BOM is hidden, as the core documents and editors do. */
export function documentLines(text: string): string[] {
  return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\n|\r/);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function assertPosition(lines: string[], p: { line: number; character: number }, what: string): void {
  assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside 0..${lines.length - 1}`);
  const line = lines[p.line];
  assert.ok(Number.isInteger(p.character) && p.character >= 0 && p.character <= line.length, `${what}: character ${p.character} outside line ${p.line} (length ${line.length})`);
  const splits = p.character > 0 && isHigh(line.charCodeAt(p.character - 1)) && isLow(line.charCodeAt(p.character));
  assert.ok(!splits, `${what}: ${p.line}:${p.character} splits a surrogate pair`);
}

export function assertRange(lines: string[], r: Range, what: string): void {
  assertPosition(lines, r.start, `${what} start`);
  assertPosition(lines, r.end, `${what} end`);
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${what}: start after end ${JSON.stringify(r)}`);
}

const isRange = (v: unknown): v is Range =>
  typeof v === "object" && v !== null && "start" in v && "end" in v && typeof (v as Range).start?.line === "number";

/** Keys of the model that hold format data or source lines, not ranges. */
const NOT_MODEL = new Set(["spec", "column", "used", "lines", "missingRows"]);

/** Every range anywhere in the model (sections, tables, rows, cells …); format specs hold none. */
export function modelRanges(model: ReportModel): { path: string; range: Range }[] {
  const out: { path: string; range: Range }[] = [];
  const visit = (v: unknown, path: string) => {
    if (isRange(v)) out.push({ path, range: v });
    else if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${path}[${i}]`));
    else if (typeof v === "object" && v !== null)
      for (const [k, x] of Object.entries(v)) if (!NOT_MODEL.has(k)) visit(x, `${path}.${k}`);
  };
  visit(model, "model");
  return out;
}

export function assertModelRanges(text: string, model: ReportModel): void {
  const lines = documentLines(text);
  assert.equal(model.lines.length, lines.length, "the model has as many lines as the document");
  for (const { path, range } of modelRanges(model)) assertRange(lines, range, path);
}

/**
 * The rules run without checkModel's safety net (which turns an exception
 * into an info finding), so a rule that throws fails the property.
 */
export function checkWithoutSafetyNet(model: ReportModel): Report[] {
  const reports: Report[] = [];
  const rules = RULES.filter((r) => !r.needsPrevious && (r.id === "not-a-report") !== model.isReport);
  for (const rule of rules) rule.check({ model, format: model.format.used, report: (r) => reports.push(r) });
  return reports;
}

const offsetOf = (text: string, lines: string[], p: { line: number; character: number }) => {
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let l = 0; l < p.line; l++) {
    offset += lines[l].length;
    offset += text.startsWith("\r\n", offset) ? 2 : 1;
  }
  return offset + p.character;
};

/** An edit applied alone replaces exactly its range (each distinct edit once: fill-all fixes repeat theirs in every finding). */
function assertEditsReplaceTheirRange(text: string, lines: string[], findings: Finding[]): void {
  const seen = new Set<string>();
  for (const f of findings)
    for (const e of f.fixes.flatMap((x) => x.edits)) {
      const from = offsetOf(text, lines, e.range.start);
      const to = offsetOf(text, lines, e.range.end);
      const key = `${from} ${to} ${e.newText}`;
      if (seen.has(key)) continue;
      seen.add(key);
      assert.equal(applyEdits(text, [e]).text, text.slice(0, from) + e.newText + text.slice(to), `${f.rule}: the edit replaces exactly its range`);
    }
}

/** The edits of one fix do not overlap: applyEdits would drop part of the fix. */
function assertNoOverlap(text: string, lines: string[], rule: string, fix: Fix): void {
  const spans = fix.edits.map((e) => [offsetOf(text, lines, e.range.start), offsetOf(text, lines, e.range.end)]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (let i = 1; i < spans.length; i++) {
    const [prev, cur] = [spans[i - 1], spans[i]];
    const sameInsertion = cur[0] === prev[0] && cur[0] === cur[1];
    assert.ok(cur[0] >= prev[1] && !sameInsertion, `${rule}: edits of “${fix.title.en}” overlap`);
  }
}

/**
 * Every finding's range and every edit's range lie in the document; edits
 * replace exactly their range and those of one fix do not overlap. (A fix
 * may edit outside its finding: template-version's rewrites whole tables.)
 */
export function assertFindings(text: string, findings: Finding[]): void {
  const lines = documentLines(text);
  for (const f of findings) {
    assertRange(lines, f.range, `${f.rule} range`);
    for (const fix of f.fixes) {
      for (const e of fix.edits) assertRange(lines, e.range, `${f.rule} fix “${fix.title.en}” edit`);
      assertNoOverlap(text, lines, f.rule, fix);
    }
  }
  assertEditsReplaceTheirRange(text, lines, findings);
}

/** parse → rules without a safety net → every range checked. */
export function assertWellBehaved(text: string, findings: Finding[]): void {
  const model = parse(text);
  assertModelRanges(text, model);
  checkWithoutSafetyNet(model);
  assertFindings(text, findings);
}
