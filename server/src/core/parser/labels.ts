import { FORMATS } from "../formats";
import { KeyMemo } from "../memo";
import { labelKey, stripNumbering, stripRemark } from "../text";

/**
 * The words of every official table, of every format, as label keys: what a
 * cell of a table can say. The grid reader asks it where rows begin in a
 * table flattened to one cell per line, and whether a run of short lines
 * with no tab or pipe is a table at all. It is format-free on purpose: which
 * format a table follows is decided later, table by table.
 */

export type LabelKind =
  /** Names a template row (一、本年新收…, 1.属于国家秘密, 规章, （七）总计). */
  | "row"
  /** A header cell, a caption or a marker (信息内容, 本年新制作数量, 第二十条第（一）项, 自然人, 总计). */
  | "header";

const coreKey = (key: string) => stripRemark(stripNumbering(key));

interface Vocabulary {
  rowFull: Set<string>;
  rowCore: Set<string>;
  header: Set<string>;
  /**
   * Header keys and row cores by their first character, for prefix matches of cut cells
   * (本年新 for 本年新制作数量): a prefix starts with the same character, so a line is held
   * against the few words that begin as it does, not against all of them.
   */
  headerByFirst: Map<string, string[]>;
  rowCoreByFirst: Map<string, string[]>;
}

const byFirst = (words: Iterable<string>) => {
  const map = new Map<string, string[]>();
  for (const w of words) if (w) map.set(w[0], [...(map.get(w[0]) ?? []), w]);
  return map;
};

const VOCABULARY: Vocabulary = (() => {
  const v: Vocabulary = { rowFull: new Set(), rowCore: new Set(), header: new Set(), headerByFirst: new Map(), rowCoreByFirst: new Map() };
  for (const format of FORMATS)
    for (const table of format.tables) {
      const headerWords = [...table.markers, ...(table.caption ? [table.caption] : []), ...table.header.flat(), ...table.columns.flatMap((c) => [c.label, ...(c.aliases ?? [])])];
      for (const w of headerWords) if (w) v.header.add(labelKey(w));
      for (const row of table.rows)
        for (const label of [row.label, ...(row.aliases ?? [])]) {
          const full = labelKey(label);
          v.rowFull.add(full);
          v.rowCore.add(coreKey(full));
        }
    }
  v.headerByFirst = byFirst(v.header);
  v.rowCoreByFirst = byFirst(v.rowCore);
  return v;
})();

/** Shorter cuts of a label are too common a phrase to name it. */
const SHORTEST_CUT = 3;

function kindOf(key: string): LabelKind | undefined {
  if (!key) return undefined;
  // A bare column word (总计) is a header even though a numbered row (（七）总计) shares its core.
  if (VOCABULARY.header.has(key)) return "header";
  if (VOCABULARY.rowFull.has(key)) return "row";
  const core = coreKey(key);
  if (core && VOCABULARY.rowCore.has(core) && !VOCABULARY.header.has(core)) return "row";
  if (core.length >= 4 && VOCABULARY.rowCoreByFirst.get(core[0])?.some((r) => r.startsWith(core))) return "row";
  if (key.length >= SHORTEST_CUT && VOCABULARY.headerByFirst.get(key[0])?.some((h) => h.startsWith(key) || (key.length >= 6 && key.startsWith(h) && h.length >= 4))) return "header";
  return undefined;
}

const KINDS = new KeyMemo<LabelKind | undefined>(kindOf);

/** What a cell's label key names in the official tables, if anything. */
export const labelKind = (key: string): LabelKind | undefined => KINDS.get(key);
