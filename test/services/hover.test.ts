import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hoverAt, parse } from "../../server/src/core";
import { sample } from "../helpers/samples";
import { cellOf, lineOf, skeleton, withFigure } from "./fixtures";

describe("hover", () => {
  it("on a figure: its row and its column with the header path", () => {
    const model = parse(skeleton());
    const cell = cellOf(model, "applications", "new", "business");
    const hover = hoverAt(model, cell.contentRange.start, "zh-cn")!;
    assert.match(hover.markdown, /^\*\*一、本年新收政府信息公开申请数量\*\* · 申请人情况 › 法人或其他组织 › 商业企业/);
    assert.deepEqual(hover.range, cell.range);
  });

  it("on a total: the sum it should equal, every part listed, and whether it holds", () => {
    const text = withFigure(skeleton(), "applications", "new", "natural", "3");
    const model = parse(text);
    const total = cellOf(model, "applications", "new", "total");
    const hover = hoverAt(model, total.contentRange.start, "zh-cn")!;
    assert.match(hover.markdown, /总计 = 自然人 \+ 法人或其他组织/);
    assert.match(hover.markdown, /= 自然人 3 \+ 商业企业 0 \+ 科研机构 0 \+ 社会公益组织 0 \+ 法律服务机构 0 \+ 其他 0 = 3 ✗ 当前为 0，应为 3/);
    const forward = cellOf(model, "applications", "forward", "natural");
    assert.match(hoverAt(model, forward.contentRange.start, "en")!.markdown, /= 一、本年新收政府信息公开申请数量 3 \+ 二、上年结转政府信息公开申请数量 0 − \(（七）总计 0\) = 3 ✗ currently 0, should be 3/);
  });

  it("on a total that adds up: ✓", () => {
    const model = parse(skeleton());
    const total = cellOf(model, "review", "cases", "review-total");
    assert.match(hoverAt(model, total.contentRange.start, "zh-cn")!.markdown, /行政复议：总计 = 结果维持 \+ 结果纠正 \+ 其他结果 \+ 尚未审结[\s\S]*= 结果维持 0 \+ 结果纠正 0 \+ 其他结果 0 \+ 尚未审结 0 = 0 ✓/);
  });

  it("on a heading: the official wording and what the section must contain", () => {
    const text = sample("004");
    const model = parse(text);
    const five = model.sections.find((s) => s.spec.index === 5)!;
    const hover = hoverAt(model, five.titleRange.start, "zh-cn")!;
    assert.match(hover.markdown, /标准标题：五、存在的主要问题及改进情况/);
    assert.match(hover.markdown, /应包含：本年度政府信息公开工作存在的主要问题/);
    const one = parse(skeleton());
    assert.match(hoverAt(one, { line: lineOf(skeleton(), "一、总体情况"), character: 0 }, "en")!.markdown, /The heading matches the official format[\s\S]*Must contain: An overview/);
  });

  it("elsewhere: nothing", () => {
    const text = skeleton();
    assert.equal(hoverAt(parse(text), { line: 2, character: 5 }, "zh-cn"), undefined);
    assert.equal(hoverAt(parse(text), { line: 9_999, character: 0 }, "zh-cn"), undefined);
  });
});
