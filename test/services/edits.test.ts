import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyEdits, diffEdit, lineStarts, positionAt } from "../../server/src/core";

const roundTrip = (before: string, after: string) => {
  const edit = diffEdit(before, after)!;
  assert.equal(applyEdits(before, [edit]).text, after);
  return edit;
};

describe("diffEdit", () => {
  it("replaces only the span that changed", () => {
    const edit = roundTrip("一\n减2\n三", "一\n-2\n三");
    assert.deepEqual(edit, { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, newText: "-" });
    assert.equal(diffEdit("same", "same"), undefined);
  });

  it("never splits a surrogate pair or a CRLF", () => {
    const edit = roundTrip("a\u{20000}b", "a\u{20001}b");
    assert.equal(edit.newText, "\u{20001}");
    const crlf = roundTrip("a\r\nb", "a\nb");
    assert.equal(crlf.range.start.line, 0);
    roundTrip("x\r\n", "x\r\ny\r\n");
  });

  it("positions count lines as the parser does", () => {
    const text = "\ufeffab\r\ncd\ref";
    const starts = lineStarts(text);
    assert.deepEqual(positionAt(starts, 8), { line: 2, character: 0 });
    assert.deepEqual(positionAt(starts, 7), { line: 1, character: 2 });
    assert.deepEqual(positionAt(starts, 1), { line: 0, character: 0 });
  });
});
