import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { KeyMemo } from "../../server/src/core/memo";

describe("KeyMemo", () => {
  it("computes a key once, undefined answers included", () => {
    const memo = new KeyMemo<string | undefined>();
    let calls = 0;
    const compute = (k: string) => (calls++, k === "none" ? undefined : k.toUpperCase());
    assert.equal(memo.get("abc", compute), "ABC");
    assert.equal(memo.get("abc", compute), "ABC");
    assert.equal(memo.get("none", compute), undefined);
    assert.equal(memo.get("none", compute), undefined);
    assert.equal(calls, 2);
  });
  it("is emptied when it grows past its limit, and still answers right", () => {
    const memo = new KeyMemo<number>(3);
    let calls = 0;
    const compute = (k: string) => (calls++, k.length);
    for (const k of ["a", "bb", "ccc", "dddd"]) memo.get(k, compute); // the fourth key empties it first
    assert.equal(calls, 4);
    assert.equal(memo.get("dddd", compute), 4);
    assert.equal(calls, 4);
    assert.equal(memo.get("a", compute), 1);
    assert.equal(calls, 5);
  });
});
