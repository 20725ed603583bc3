import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readCell } from "../../server/src/core/parser/cells";

describe("readCell", () => {
  const cases: [string, Parameters<typeof readCell>[1], object][] = [
    ["0", "count", { status: "number", value: 0, canonical: undefined }],
    ["\u3000\u3000198 ", "count", { status: "number", value: 198, canonical: undefined }],
    ["１２", "count", { status: "number", value: 12, canonical: "12" }],
    ["减2", "signed", { status: "number", value: -2, canonical: "-2" }],
    ["增3", "signed", { status: "number", value: 3, canonical: "3" }],
    ["+3", "signed", { status: "number", value: 3, canonical: undefined }],
    ["251,000", "count", { status: "number", value: 251000, canonical: "251000" }],
    ["251000元", "amount", { status: "number", value: 251000, canonical: "251000" }],
    ["103.3879万元", "amount", { status: "number", value: 103.3879, canonical: "103.3879" }],
    ["", "count", { status: "empty" }],
    ["/", "count", { status: "empty", noneMarker: true }],
    ["-", "count", { status: "empty", noneMarker: true }],
    ["+22", "count", { status: "invalid", problem: "sign" }],
    ["-3", "count", { status: "invalid", problem: "negative" }],
    ["1.5", "count", { status: "invalid", problem: "fraction" }],
    ["--253", "signed", { status: "invalid", problem: "double-sign" }],
    ["若干", "count", { status: "invalid", problem: "not-a-number" }],
    ["1,00", "count", { status: "invalid", problem: "not-a-number" }],
  ];
  for (const [text, kind, expected] of cases) {
    it(`${JSON.stringify(text)} as ${kind}`, () => assert.deepEqual(readCell(text, kind), expected));
  }
});
