import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { KeyMemo, memoOn } from "../../server/src/core/memo";

describe("KeyMemo", () => {
  it("computes a key once, undefined answers included", () => {
    let calls = 0;
    const memo = new KeyMemo<string | undefined>((k) => (calls++, k === "none" ? undefined : k.toUpperCase()));
    assert.equal(memo.get("abc"), "ABC");
    assert.equal(memo.get("abc"), "ABC");
    assert.equal(memo.get("none"), undefined);
    assert.equal(memo.get("none"), undefined);
    assert.equal(calls, 2);
  });
  it("is emptied when it grows past its limit, and still answers right", () => {
    let calls = 0;
    const memo = new KeyMemo<number>((k) => (calls++, k.length), 3);
    for (const k of ["a", "bb", "ccc", "dddd"]) memo.get(k); // the fourth key empties it first
    assert.equal(calls, 4);
    assert.equal(memo.get("dddd"), 4);
    assert.equal(calls, 4);
    assert.equal(memo.get("a"), 1);
    assert.equal(calls, 5);
  });
});

describe("memoOn", () => {
  const SLOT = Symbol("test slot");
  it("computes once per object and keeps the value on that object", () => {
    let calls = 0;
    const compute = (o: { n: number }) => (calls++, [o.n * 2]);
    const a = { n: 1 };
    const b = { n: 2 };
    const first = memoOn(SLOT, a, compute);
    assert.equal(memoOn(SLOT, a, compute), first);
    assert.deepEqual(memoOn(SLOT, b, compute), [4]);
    assert.equal(calls, 2);
  });
  it("is invisible to JSON, keys, the structured clone and deep equality", () => {
    const a = { n: 1 };
    memoOn(SLOT, a, () => ["kept"]);
    assert.equal(JSON.stringify(a), '{"n":1}');
    assert.deepEqual(Reflect.ownKeys(a).filter((k) => Object.getOwnPropertyDescriptor(a, k)!.enumerable), ["n"]);
    assert.deepStrictEqual(structuredClone(a), { n: 1 });
    assert.deepStrictEqual(a, { n: 1 });
  });
});
