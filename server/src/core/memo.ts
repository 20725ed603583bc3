/**
 * A memo of a pure function of a string (a label key). Its keys come from
 * documents, so it is emptied when it grows past `limit`: labels repeat (the
 * templates have a few hundred), so a report's rows after the first find
 * their answers here, and in a batch or an editing session so do later reports.
 */
/** Kept for a key whose value is undefined, so that one look-up answers every key (get, then has, took two). */
const NO_VALUE: unique symbol = Symbol("no value");

export class KeyMemo<V> {
  private readonly map = new Map<string, V | typeof NO_VALUE>();

  /** `compute` is given once, here: a closure passed with each lookup was an allocation per cell. */
  constructor(
    private readonly compute: (key: string) => V,
    private readonly limit = 4096,
  ) {}

  get(key: string): V {
    const known = this.map.get(key);
    if (known !== undefined) return known === NO_VALUE ? (undefined as V) : known;
    const value = this.compute(key);
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value === undefined ? NO_VALUE : value);
    return value;
  }
}

/**
 * A value computed once per object of a parsed model (a table, a paragraph)
 * and kept on the object itself, in a non-enumerable symbol slot: JSON, the
 * structured clone and deep equality do not see it. Not a WeakMap: its
 * entries are ephemerons, which the young-generation collector keeps alive,
 * so models made and dropped per keystroke or per file were all promoted —
 * each scavenge took ~10 ms and the collector a quarter of a check's time.
 */
export function memoOn<O extends object, V extends {}>(slot: symbol, owner: O, compute: (owner: O) => V): V {
  const kept = (owner as { [slot]?: V })[slot];
  if (kept !== undefined) return kept;
  const value = compute(owner);
  Object.defineProperty(owner, slot, { value });
  return value;
}
