/**
 * A memo of a pure function of a string (a label key). Its keys come from
 * documents, so it is emptied when it grows past `limit`: labels repeat (the
 * templates have a few hundred), so a report's rows after the first find
 * their answers here, and in a batch or an editing session so do later reports.
 */
export class KeyMemo<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly limit = 4096) {}

  get(key: string, compute: (key: string) => V): V {
    const known = this.map.get(key);
    if (known !== undefined || this.map.has(key)) return known as V;
    const value = compute(key);
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}
