import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkText, groupFindings, MIN_GROUP_SIZE, tableExtents, type Finding, type ReadItem } from "../../server/src/core";
import { CLEAN_2021, lineOf, replaceOnce } from "../helpers/mutate";

/** Grouping findings by table and rule for the media people read (core/group.ts). */

const T3_UNDISCLOSED = /（三）不予公开\t1\.属于国家秘密[^]*?\t8\.属于行政查询事项[^\n]*/;

/** Table 三's eight （三）不予公开 rows with every value left blank: 54 empty cells (the row 4.保护第三方合法权益 keeps its 1 and total 1). */
function blankUndisclosed(): string {
  const text = CLEAN_2021();
  const block = T3_UNDISCLOSED.exec(text)![0];
  return replaceOnce(text, block, block.replace(/\t0/g, "\t"));
}

function grouped(text: string) {
  const { model, findings } = checkText(text);
  return { model, findings, items: groupFindings(findings, tableExtents(model)) };
}

const groupsOf = (items: ReadItem<Finding>[]) => items.flatMap((i) => (i.group ? [i.group] : []));

describe("grouping findings", () => {
  it("a table's empty cells are one group: count, first and last line, members, message in both languages", () => {
    const text = blankUndisclosed();
    const { items, findings } = grouped(text);
    const [group] = groupsOf(items);
    const empties = findings.filter((f) => f.rule === "table-cell-empty");
    assert.equal(empties.length, 54);
    assert.equal(group.rule, "table-cell-empty");
    assert.equal(group.severity, "warning");
    assert.deepEqual(group.members, empties, "every cell is a member, in order");
    const first = lineOf(text, "1.属于国家秘密");
    const last = lineOf(text, "8.属于行政查询事项");
    assert.deepEqual([group.firstLine + 1, group.lastLine + 1], [first, last]);
    assert.equal(group.message.zh, `表三：54 个单元格为空（第 ${first}–${last} 行）`);
    assert.equal(group.message.en, `Table 三: 54 empty cells (lines ${first}–${last})`);
    assert.deepEqual(group.what, { zh: "表三：54 个单元格为空", en: "Table 三: 54 empty cells" }, "without the lines, for a Word document");
    assert.equal(items.length, findings.length - 53, "the group stands for its 54 members");
    assert.equal(items.filter((i) => i.group).length, 1);
  });

  it("the group stands where its first member stood; other findings keep their order", () => {
    const { items, findings } = grouped(blankUndisclosed());
    const flat = items.flatMap((i) => (i.group ? i.group.members : [i.finding]));
    const firstOfEach = items.map((i) => findings.indexOf(i.group ? i.group.members[0] : i.finding));
    assert.deepEqual(firstOfEach, [...firstOfEach].sort((a, b) => a - b));
    assert.deepEqual([...flat].sort((a, b) => findings.indexOf(a) - findings.indexOf(b)), findings, "every finding is read once");
  });

  it(`fewer than ${MIN_GROUP_SIZE} findings of a rule in a table stay as they are`, () => {
    const text = replaceOnce(CLEAN_2021(), "\t1.属于国家秘密\t0\t0\t0", "\t1.属于国家秘密\t\t\t0");
    const { items, findings } = grouped(text);
    assert.equal(findings.filter((f) => f.rule === "table-cell-empty").length, 2);
    assert.equal(groupsOf(items).length, 0);
    assert.equal(items.length, findings.length);
  });

  it("cells holding / or - are named as such", () => {
    const text = replaceOnce(CLEAN_2021(), "\t1.属于国家秘密\t0\t0\t0", "\t1.属于国家秘密\t/\t-\t");
    const [group] = groupsOf(grouped(text).items);
    assert.match(group.message.zh, /^表三：3 个单元格为空或只填了“\/”“-”（第 \d+ 行）$/);
  });

  it("groups per table: the same rule in two tables is two groups, named by table (and 第二十条 item)", () => {
    let text = replaceOnce(CLEAN_2021(), "规章\t0\t0\t0", "规章\t０\t０\t０");
    text = replaceOnce(text, "\t1.属于国家秘密\t0\t0\t0\t0", "\t1.属于国家秘密\t０\t０\t０\t０");
    const groups = groupsOf(grouped(text).items);
    assert.deepEqual(
      groups.map((g) => [g.rule, g.message.zh]),
      [
        ["table-cell-format", `表二“第二十条第（一）项”：3 个数值写法不规范（第 ${lineOf(text, "规章")} 行）`],
        ["table-cell-format", `表三：4 个数值写法不规范（第 ${lineOf(text, "1.属于国家秘密")} 行）`],
      ],
    );
  });

  it("invalid cells of one table group", () => {
    const text = replaceOnce(CLEAN_2021(), "\t1.属于国家秘密\t0\t0\t0", "\t1.属于国家秘密\t--1\t--2\t--3");
    const [group] = groupsOf(grouped(text).items);
    assert.equal(group.rule, "table-cell-invalid");
    assert.equal(group.severity, "error");
    assert.equal(group.members.length, 3);
    assert.match(group.message.zh, /^表三：3 个单元格不是有效数值/);
  });

  it("findings outside any table, and of rules that do not group, are never grouped", () => {
    const items: ReadItem<Finding>[] = groupFindings(
      [1, 2, 3].map((line) => ({ rule: "table-cell-empty", severity: "warning", message: { zh: "", en: "" }, range: { start: { line, character: 0 }, end: { line, character: 0 } }, fixes: [] })),
      [{ name: { zh: "表三", en: "Table 三" }, firstLine: 10, lastLine: 20 }],
    );
    assert.equal(groupsOf(items).length, 0);
    const relations = grouped(replaceOnce(CLEAN_2021(), "\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0", "\t1.属于国家秘密\t1\t1\t1\t1\t1\t1\t0"));
    assert.equal(groupsOf(relations.items).length, 0);
  });

  it("table-cell-count: a table whose every row ends in the same extra value is one group that names the value", () => {
    const lines = CLEAN_2021().split("\n");
    const [first, last] = [lines.findIndex((l) => l.startsWith("一、本年新收")), lines.findIndex((l) => l.startsWith("四、结转下年度"))];
    const text = lines.map((l, i) => (i >= first && i <= last ? `${l}\t9` : l)).join("\n");
    const { model, items, findings } = grouped(text);
    const counts = findings.filter((f) => f.rule === "table-cell-count");
    assert.equal(counts.length, 25, "every value row of table 三");
    assert.equal(tableExtents(model).find((t) => t.name.zh === "表三")!.extraValue, "9");
    assert.match(counts[0].message.zh, /一行有 8 个数值，表格只有 7 列：本表每一行末尾都多出一个“9”$/);
    const [group] = groupsOf(items);
    assert.equal(group.rule, "table-cell-count");
    assert.equal(group.message.zh, `表三：25 行末尾都多出一个“9”（第 ${lineOf(text, "一、本年新收")}–${lineOf(text, "四、结转下年度")} 行）`);
    assert.equal(group.message.en, `Table 三: 25 rows each end in an extra “9” (lines ${lineOf(text, "一、本年新收")}–${lineOf(text, "四、结转下年度")})`);
  });

  it("table-cell-count: rows with different extra values stay apart, and their message names no value", () => {
    let text = CLEAN_2021();
    for (const [row, extra] of [["一、本年新收", "1"], ["二、上年结转", "2"], ["（七）总计", "3"]] as const)
      text = text.replace(new RegExp(`^(${row}[^\\n]*)$`, "m"), `$1\t${extra}`);
    const { items, findings } = grouped(text);
    const counts = findings.filter((f) => f.rule === "table-cell-count");
    assert.equal(counts.length, 3);
    assert.ok(counts.every((f) => !f.message.zh.includes("多出")));
    assert.equal(groupsOf(items).length, 0);
  });
});
