import type { RelationSpec, TableSpec } from "./formats";
import { memoOn } from "./memo";
import type { Cell, Row, Table } from "./model";

/**
 * Evaluates the relations (勾稽关系) a table's spec declares. A relation that
 * needs an unknown value (empty, invalid, unplaceable) is skipped, never
 * computed from a guess.
 */

export interface RelationTerm {
  label: string;
  cell: Cell;
}

export interface RelationCheck {
  relation: RelationSpec;
  /** The row (each-row relations) or column label (each-column relations) the check is about. */
  along: string;
  left: RelationTerm[];
  right: RelationTerm[];
  target: RelationTerm;
  leftSum: number;
  rightSum: number;
  holds: boolean;
  /** The value the target must have for the relation to hold. */
  expected: number;
}

const EPSILON = 1e-6;

export function rowById(table: Table, id: string): Row | undefined {
  return table.rows.find((r) => r.spec.id === id);
}

/** A cell whose value was read as a number (not empty, invalid or unplaced). */
export function known(c: Cell | undefined): c is Cell {
  return c !== undefined && c.status === "number" && c.value !== undefined;
}

/** The cells as the terms of one side, each with its label; undefined when one is not a known number. */
function termsOf(cells: (Cell | undefined)[], names: string[]): RelationTerm[] | undefined {
  const terms: RelationTerm[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (!known(cell)) return undefined;
    terms.push({ cell, label: names[i] });
  }
  return terms;
}

function sumOf(terms: RelationTerm[]): number {
  let sum = 0;
  for (const t of terms) sum += t.cell.value!;
  return sum;
}

// Plain loops, no closures: this runs for every row and column of every table, mostly before V8 has optimised it.
function evaluate(relation: RelationSpec, along: string, left: (Cell | undefined)[], right: (Cell | undefined)[], labels: Labels): RelationCheck | undefined {
  const l = termsOf(left, labels.left);
  const r = l && termsOf(right, labels.right);
  if (!l || !r) return undefined;
  const leftSum = sumOf(l);
  const rightSum = sumOf(r);
  const inLeft = relation.left.indexOf(relation.target);
  const target = inLeft >= 0 ? l[inLeft] : r[relation.right.indexOf(relation.target)];
  const expected = inLeft >= 0 ? target.cell.value! + (rightSum - leftSum) : target.cell.value! + (leftSum - rightSum);
  return {
    relation,
    along,
    left: l,
    right: r,
    target,
    leftSum,
    rightSum,
    holds: Math.abs(leftSum - rightSum) < EPSILON,
    expected: Math.round(expected * 1e6) / 1e6,
  };
}

interface Labels {
  left: string[];
  right: string[];
}

/** An each-row relation's columns as cell indexes, with their labels: the same for every row and every report. */
interface RowRelationPlan extends Labels {
  leftAt: number[];
  rightAt: number[];
}

const rowPlans = new WeakMap<RelationSpec, RowRelationPlan>();

function rowPlan(spec: TableSpec, relation: RelationSpec): RowRelationPlan {
  let plan = rowPlans.get(relation);
  if (plan) return plan;
  const at = (id: string) => spec.columns.findIndex((c) => c.id === id);
  const label = (id: string) => spec.columns[at(id)]?.label ?? id;
  plan = { leftAt: relation.left.map(at), rightAt: relation.right.map(at), left: relation.left.map(label), right: relation.right.map(label) };
  rowPlans.set(relation, plan);
  return plan;
}

const CHECKS = Symbol("relation checks");

/**
 * Every check of every relation of the table that can be computed. Several
 * rules and services ask for the same table's checks: they are computed once
 * per table (a parsed model is not changed afterwards).
 */
export const checkRelations = (table: Table): readonly RelationCheck[] => memoOn(CHECKS, table, computeRelations);

function computeRelations(table: Table): RelationCheck[] {
  const out: RelationCheck[] = [];
  const spec = table.spec;
  for (const relation of spec.relations) {
    if (relation.each === "row") {
      const plan = rowPlan(spec, relation);
      for (const row of table.rows) {
        if (row.spec.values === false || row.placement !== "placed") continue;
        if (relation.rows && !relation.rows.includes(row.spec.id)) continue;
        const check = evaluate(relation, row.spec.label, cellsAt(row, plan.leftAt), cellsAt(row, plan.rightAt), plan);
        if (check) out.push(check);
      }
      continue;
    }
    const leftRows = placedRows(table, relation.left);
    const rightRows = leftRows && placedRows(table, relation.right);
    // A missing row is table-row-missing's finding; the relation cannot be judged without it.
    if (!leftRows || !rightRows) continue;
    const labels = { left: leftRows.map((r) => r.spec.label), right: rightRows.map((r) => r.spec.label) };
    for (let c = 0; c < spec.columns.length; c++) {
      const column = spec.columns[c];
      if (relation.columns && !relation.columns.includes(column.id)) continue;
      const check = evaluate(relation, column.label, cellsIn(leftRows, c), cellsIn(rightRows, c), labels);
      if (check) out.push(check);
    }
  }
  return out;
}

const cellsAt = (row: Row, at: number[]): (Cell | undefined)[] => at.map((i) => row.cells[i]);
const cellsIn = (rows: Row[], column: number): (Cell | undefined)[] => rows.map((r) => r.cells[column]);

/** The rows of these ids, each placed; undefined when one is missing or could not be placed. */
function placedRows(table: Table, ids: string[]): Row[] | undefined {
  const rows: Row[] = [];
  for (const id of ids) {
    const row = rowById(table, id);
    if (!row || row.placement !== "placed") return undefined;
    rows.push(row);
  }
  return rows;
}
