import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { changesUnderLabelKey, hasContent, isPadding, labelKey, PADDING, trimPadding } from "../../server/src/core/text";
import { isValueLike, readCell } from "../../server/src/core/parser/cells";
import { seeded } from "../helpers/random";

/** The fast paths of the text helpers agree with the regexes they stand in for. */

describe("isPadding", () => {
  it("is PADDING for every UTF-16 code unit", () => {
    const re = new RegExp(`^${PADDING.source}$`);
    for (let c = 0; c <= 0xffff; c++) assert.equal(isPadding(c), re.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  });
});

describe("changesUnderLabelKey", () => {
  it("is the character class labelKey replaces, for every UTF-16 code unit", () => {
    const re = /[[<&\s\u00a0\u3000\u200b-\u200f\u2028\u2029\u202f\u2060\ufeff“”"'‘’「」『』、．〔〕\uff01-\uff5e]/;
    for (let c = 0; c <= 0xffff; c++) assert.equal(changesUnderLabelKey(String.fromCharCode(c)), re.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  });
});

const SAMPLES = [
  "", " ", "\t", "\u3000", "\u200b", "0", " 0 ", "007", "１２", "12,345", "1，234", "１,２３４", "－", "/", "／", "\\", "＼", "无", "空", " 无 ",
  "减2", "增3", "+5", "-1", "−1", "—", "–", "--1", "3.5", "3.", ".5", "5件", "5 件", "1 2", "12万元", "\u00a012\u00a0", "\ufeff7", "7\u2060",
  "自然人", " 自然人 ", "| 自然人 |", "（一）予以公开", "(一)予以公开", "“三”", "[bookmark: _GoBack]总计", "a&nbsp;b", "本年新\u3000收", "　本年新收　",
  "\u200b总计\u200b", "１．予以公开", "〔2020〕", "99999999999999999999", "0000", "１", "𠀀",
];

describe("fast paths", () => {
  it("hasContent is trimPadding(s) !== \"\"", () => {
    for (const s of SAMPLES) assert.equal(hasContent(s), trimPadding(s) !== "", JSON.stringify(s));
  });
  const full = (s: string) =>
      s
        .replace(/\[bookmark:[^[\]]*\]|<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>|&(?:nbsp|amp|lt|gt|quot|apos|ensp|emsp|#\d{1,6}|#x[0-9a-fA-F]{1,6});/g, "")
        .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
        .replace(PADDING, "")
        .replace(/[“”"'‘’「」『』]/g, "")
        .replace(/[、．]/g, ".")
        .replace(/〔/g, "[")
        .replace(/〕/g, "]");
  it("labelKey of a string padded at its ends is the full normalisation", () => {
    for (const s of SAMPLES) assert.equal(labelKey(s), full(s), JSON.stringify(s));
  });
  it("labelKey is the full normalisation on random strings of the characters it maps", () => {
    const alphabet = [..."自然人一、．〔〕“”\"'‘’「」『』（）()１２ab.[]<>&;#/ \t\u3000\u00a0\u200b\ufeff"].concat(["[bookmark: x]", "<b>", "</span>", "&nbsp;", "&#12;"]);
    const random = seeded(7);
    for (let n = 0; n < 5000; n++) {
      let s = "";
      for (let len = Math.floor(random() * 12); len > 0; len--) s += alphabet[Math.floor(random() * alphabet.length)];
      assert.equal(labelKey(s), full(s), JSON.stringify(s));
    }
  });
  it("isValueLike and readCell answer plain digits and labels as the general reading does", () => {
    const valueLike = (text: string) => {
      const t = trimPadding(text).replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\s+/g, "");
      if (t === "" || /^(?:[-—–－/／\\]|无|空)$/.test(t)) return true;
      return /^(?:[+\-−—–减增]{0,3})\d[\d,，.]*(?:万元|元|件|条|个|项|次)?$/.test(t);
    };
    for (const s of SAMPLES) {
      assert.equal(isValueLike(s), valueLike(s), JSON.stringify(s));
      if (/^\s*\d+\s*$/.test(s)) {
        const digits = s.trim();
        assert.deepEqual(readCell(s, "count"), { status: "number", value: Number(digits), canonical: String(Number(digits)) === digits ? undefined : String(Number(digits)) });
      }
    }
  });
});
