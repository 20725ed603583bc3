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

function evaluate(relation: RelationSpec, along: string, left: (Cell | undefined)[], right: (Cell | undefined)[], labels: Labels): RelationCheck | undefined {
  if (!left.every(known) || !right.every(known)) return undefined;
  const terms = (cells: Cell[], names: string[]) => cells.map((cell, i) => ({ cell, label: names[i] }));
  const l = terms(left as Cell[], labels.left);
  const r = terms(right as Cell[], labels.right);
  const sum = (t: RelationTerm[]) => t.reduce((a, x) => a + x.cell.value!, 0);
  const leftSum = sum(l);
  const rightSum = sum(r);
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
        const pick = (at: number[]) => at.map((i) => row.cells[i]);
        const check = evaluate(relation, row.spec.label, pick(plan.leftAt), pick(plan.rightAt), plan);
        if (check) out.push(check);
      }
    } else {
      const rowsOf = (ids: string[]) => ids.map((id) => rowById(table, id));
      const leftRows = rowsOf(relation.left);
      const rightRows = rowsOf(relation.right);
      // A missing row is table-row-missing's finding; the relation cannot be judged without it.
      if ([...leftRows, ...rightRows].some((r) => !r || r.placement !== "placed")) continue;
      const label = (rows: (Row | undefined)[]) => rows.map((r) => r!.spec.label);
      const labels = { left: label(leftRows), right: label(rightRows) };
      spec.columns.forEach((column, c) => {
        if (relation.columns && !relation.columns.includes(column.id)) return;
        const check = evaluate(
          relation,
          column.label,
          leftRows.map((r) => r!.cells[c]),
          rightRows.map((r) => r!.cells[c]),
          labels,
        );
        if (check) out.push(check);
      });
    }
  }
  return out;
}
