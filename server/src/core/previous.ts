import type { ReportModel } from "./model";
import { labelKey } from "./text";

/**
 * Which report is last year's report of the same organ: same organ (names
 * normalised) and year − 1. Used by the CLI among the files it checks and by
 * the editor among the workspace's reports.
 */

/** An organ name as compared: width, padding and debris ignored, 人民政府 and 政府 taken as one. */
export function organKey(organ: string): string {
  return labelKey(organ).replace(/人民政府/g, "政府");
}

/** What the matching reads of a report: its organ and year (a model, or just these two fields of one). */
export type ReportIdentity = Pick<ReportModel, "organ" | "year">;

/** The organ and year a report is matched by, when it names both. */
function identity(model: ReportIdentity): { organ: string; year: number } | undefined {
  if (!model.organ || model.year === undefined) return undefined;
  return { organ: organKey(model.organ), year: model.year.value };
}

const slot = (organ: string, year: number) => `${year}\u0000${organ}`;

/** True when `previous` is the report of the same organ for the year before `model`'s. */
export function isPredecessor(previous: ReportIdentity, model: ReportIdentity): boolean {
  const a = identity(previous);
  const b = identity(model);
  return a !== undefined && b !== undefined && a.organ === b.organ && a.year === b.year - 1;
}

/**
 * For each report, the index of its predecessor among the same list. When two
 * reports claim the same organ and year (a draft beside the final version)
 * neither is chosen: comparing with the wrong one would report false errors.
 */
export function findPredecessors(models: ReportIdentity[]): (number | undefined)[] {
  const bySlot = new Map<string, number[]>();
  models.forEach((m, i) => {
    const id = identity(m);
    if (!id) return;
    const key = slot(id.organ, id.year);
    const list = bySlot.get(key);
    if (list) list.push(i);
    else bySlot.set(key, [i]);
  });
  return models.map((m) => {
    const id = identity(m);
    const candidates = id ? bySlot.get(slot(id.organ, id.year - 1)) : undefined;
    return candidates?.length === 1 ? candidates[0] : undefined;
  });
}

/**
 * Reports by organ and year, kept current one report at a time, for a
 * collection that changes a report at a time (the editor's workspace): the
 * lookup findPredecessors makes over a whole list, without a pass over every
 * report for each one.
 */
export class PredecessorIndex<K> {
  private readonly slotOf = new Map<K, string>();
  private readonly bySlot = new Map<string, Set<K>>();

  /** Records a report's organ and year (undefined, or a report naming neither, leaves it out). */
  set(key: K, model: ReportIdentity | undefined): void {
    const id = model && identity(model);
    const next = id && slot(id.organ, id.year);
    const before = this.slotOf.get(key);
    if (before === next) return;
    if (before !== undefined) {
      const keys = this.bySlot.get(before)!;
      keys.delete(key);
      if (!keys.size) this.bySlot.delete(before);
      this.slotOf.delete(key);
    }
    if (next === undefined) return;
    this.slotOf.set(key, next);
    const keys = this.bySlot.get(next);
    if (keys) keys.add(key);
    else this.bySlot.set(next, new Set([key]));
  }

  delete(key: K): void {
    this.set(key, undefined);
  }

  /** The one other report of the same organ and the year before; none when two claim that place (as findPredecessors). */
  predecessorOf(key: K, model: ReportIdentity): K | undefined {
    const id = identity(model);
    const candidates = id && this.bySlot.get(slot(id.organ, id.year - 1));
    if (!candidates) return undefined;
    const others = [...candidates].filter((k) => k !== key);
    return others.length === 1 ? others[0] : undefined;
  }
}
