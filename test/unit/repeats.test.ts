// repeated-text finds words typed twice; held against a plain scan written from the definition.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { repeats } from "../../server/src/core/rules/repeatedText";
import { seeded } from "../helpers/random";

const isHan = (c: string) => c >= "\u4e00" && c <= "\u9fff";

/** At each place the longest run of 2–8 Chinese characters written again right after it; then on after the pair, else one place on. */
function byDefinition(s: string): { index: number; unit: string }[] {
  const found: { index: number; unit: string }[] = [];
  let i = 0;
  while (i < s.length) {
    let n = 8;
    for (; n >= 2; n--) {
      const unit = s.slice(i, i + n);
      if (unit.length === n && [...unit].every(isHan) && s.slice(i + n, i + 2 * n) === unit) break;
    }
    if (n >= 2) {
      found.push({ index: i, unit: s.slice(i, i + n) });
      i += 2 * n;
    } else i++;
  }
  return found;
}

describe("repeats", () => {
  it("finds what the definition finds, on 5,000 random strings", () => {
    // A small alphabet (four Chinese characters, a digit, a comma) makes repeats of every length common.
    const alphabet = ["资", "金", "发", "布", "1", "，"];
    const random = seeded(20261207);
    for (let n = 0; n < 5000; n++) {
      const length = Math.floor(random() * 40);
      const s = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      assert.deepEqual(repeats(s), byDefinition(s), JSON.stringify(s));
    }
  });

  it("takes the longest repeat at the leftmost place, then goes on after it", () => {
    assert.deepEqual(repeats("及时发布信息发布信息资金资金"), [
      { index: 2, unit: "发布信息" },
      { index: 10, unit: "资金" },
    ]);
  });

  it("finds no run longer than eight characters, and none across a non-Chinese character", () => {
    assert.deepEqual(repeats("一二三四五六七八九一二三四五六七八九"), []);
    assert.deepEqual(repeats("资1金资1金"), []);
  });
});
