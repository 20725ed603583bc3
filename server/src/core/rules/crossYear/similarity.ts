/**
 * Near-duplicate search by character-shingle Jaccard similarity. An inverted
 * index from shingle to passages makes the search linear in the total number
 * of shingles (times how many passages share a shingle), not quadratic in
 * the number of passages.
 */

export const SHINGLE = 3;

export function shingles(key: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= key.length; i++) out.add(key.slice(i, i + SHINGLE));
  return out;
}

export interface Match {
  /** Index of the matching document given to the index. */
  index: number;
  /** Jaccard similarity of the shingle sets, 0..1. */
  similarity: number;
}

export class ShingleIndex {
  private postings = new Map<string, number[]>();
  private sizes: number[];

  constructor(keys: string[]) {
    this.sizes = keys.map((key, i) => {
      const set = shingles(key);
      for (const s of set) {
        const list = this.postings.get(s);
        if (list) list.push(i);
        else this.postings.set(s, [i]);
      }
      return set.size;
    });
  }

  /** The most similar indexed document, if any shares a shingle with the key. */
  best(key: string): Match | undefined {
    const set = shingles(key);
    const shared = new Map<number, number>();
    for (const s of set) for (const i of this.postings.get(s) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    let best: Match | undefined;
    for (const [index, n] of shared) {
      const similarity = n / (set.size + this.sizes[index] - n);
      if (!best || similarity > best.similarity) best = { index, similarity };
    }
    return best;
  }
}
