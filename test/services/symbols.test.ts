import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { describe, it } from "node:test";
import { comparePositions } from "../../server/src/core/positions";
import { documentSymbols, parse, type Range, type ReportSymbol } from "../../server/src/core";
import { SAMPLES_DIR, sample } from "../helpers/samples";
import { skeleton } from "./fixtures";

const contains = (outer: Range, inner: Range) => comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;

/** Outline and breadcrumbs need every child inside its parent and the selection inside the symbol. */
function assertNested(symbol: ReportSymbol): void {
  assert.ok(contains(symbol.range, symbol.selectionRange), `${symbol.name}: selection outside its range`);
  for (const child of symbol.children) {
    assert.ok(contains(symbol.range, child.range), `${child.name} outside ${symbol.name}`);
    assertNested(child);
  }
}

describe("document symbols", () => {
  for (const name of readdirSync(SAMPLES_DIR).sort()) {
    it(`${name}: title → the six sections → sub-headings and tables`, () => {
      const [title] = documentSymbols(parse(sample(name.slice(0, 3))), "zh-cn");
      assert.equal(title.kind, "title");
      assert.deepEqual(
        title.children.map((s) => s.name),
        ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"],
      );
      const tables = (s: ReportSymbol): ReportSymbol[] => [...(s.kind === "table" ? [s] : []), ...s.children.flatMap(tables)];
      assert.equal(tables(title).length, 7);
      assertNested(title);
    });
  }

  it("nests numbered items under their （一） heading and shortens headings that run into their paragraph", () => {
    const [title] = documentSymbols(parse(sample("002")), "zh-cn");
    const first = title.children[0].children[0];
    assert.equal(first.name, "（一）重点工作落实情况");
    assert.deepEqual(first.children.map((c) => c.name), [
      "1、持续推进政务公开各项制度建设",
      "2、进一步提升政府网站管理水平",
      "3、加强政务公开工作力度",
    ]);
  });

  it("lists headings only: 一是…、二是… are sentences of a paragraph", () => {
    const text = skeleton().replace(
      "五、存在的主要问题及改进情况\n",
      "五、存在的主要问题及改进情况\n一是部分政策解读形式较为单一，图解、视频较少。\n二是依申请公开答复质量有待提高。\n（一）加强平台建设\n1.完善栏目设置。\n",
    );
    const [title] = documentSymbols(parse(text), "zh-cn");
    const problems = title.children.find((s) => s.name.startsWith("五、"))!;
    assert.deepEqual(problems.children.map((c) => c.name), ["（一）加强平台建设"]);
    assert.deepEqual(problems.children[0].children.map((c) => c.name), ["1.完善栏目设置"]);
    assertNested(title);
  });

  it("names the tables in the locale, the title's detail is the format", () => {
    const [title] = documentSymbols(parse(skeleton()), "en");
    assert.equal(title.detail, "2021 format");
    assert.equal(title.children[2].children[0].name, "Applications received and handled");
  });

  it("without a title, the sections are the top level", () => {
    const text = skeleton().split("\n").slice(2).join("\n");
    assert.equal(documentSymbols(parse(text), "zh-cn")[0].name, "一、总体情况");
  });
});
