// repeated-text finds words typed twice by a scan; it must find exactly what the regex it replaced found.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { repeats } from "../../server/src/core/rules/repeatedText";
import { seeded } from "../helpers/random";

const REPEAT = /([\u4e00-\u9fff]{2,8})\1/g;
const byRegex = (s: string) => [...s.matchAll(REPEAT)].map((m) => ({ index: m.index!, unit: m[1] }));

describe("repeats", () => {
  it("finds the runs the regex /([\\u4e00-\\u9fff]{2,8})\\1/g finds, on 5,000 random strings", () => {
    // A small alphabet (four Chinese characters, a digit, a comma) makes repeats of every length common.
    const alphabet = ["资", "金", "发", "布", "1", "，"];
    const random = seeded(20261207);
    for (let n = 0; n < 5000; n++) {
      const length = Math.floor(random() * 40);
      const s = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      assert.deepEqual([...repeats(s)], byRegex(s), JSON.stringify(s));
    }
  });

  it("finds the same where different pairs of characters share the scan's 16-bit hash", () => {
    // 资金 and the pair one code point after 资 and 31 before 金 hash alike; so do their halves mixed.
    const [a, b] = ["资".charCodeAt(0), "金".charCodeAt(0)];
    const alphabet = [a, b, a + 1, b - 31].map((c) => String.fromCharCode(c));
    const random = seeded(20261208);
    for (let n = 0; n < 5000; n++) {
      const length = Math.floor(random() * 40);
      const s = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      assert.deepEqual([...repeats(s)], byRegex(s), JSON.stringify(s));
    }
  });

  it("takes the longest repeat at the leftmost place, then goes on after it", () => {
    assert.deepEqual([...repeats("及时发布信息发布信息资金资金")], [
      { index: 2, unit: "发布信息" },
      { index: 10, unit: "资金" },
    ]);
  });
});
