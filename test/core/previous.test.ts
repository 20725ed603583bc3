import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findPredecessors, isPredecessor, organKey, parse } from "../../server/src/core";
import { reportText, Y2020, Y2021, Y2022 } from "../fixtures/cross-year/reports";

/** Pairing each report with last year's report of the same organ. */

const report = (year: number, organ: string) => parse(reportText({ ...Y2021, year, organ }));

describe("organKey", () => {
  it("ignores padding, width and the 人民 of 人民政府", () => {
    assert.equal(organKey("白元镇 人民政府"), organKey("白元镇政府"));
    assert.equal(organKey("示例县（区）政府"), organKey("示例县(区)政府"));
    assert.notEqual(organKey("白元镇人民政府"), organKey("李旺镇人民政府"));
  });
});

describe("isPredecessor", () => {
  it("holds for the same organ and the year before, in either format", () => {
    assert.equal(isPredecessor(parse(reportText(Y2020)), parse(reportText(Y2021))), true);
    assert.equal(isPredecessor(parse(reportText(Y2021)), parse(reportText(Y2022))), true);
  });
  it("fails for another organ, another year, or a report without a year", () => {
    assert.equal(isPredecessor(report(2020, "甲镇人民政府"), report(2021, "乙镇人民政府")), false);
    assert.equal(isPredecessor(report(2019, "甲镇人民政府"), report(2021, "甲镇人民政府")), false);
    assert.equal(isPredecessor(report(2021, "甲镇人民政府"), report(2020, "甲镇人民政府")), false);
    assert.equal(isPredecessor(parse("一、总体情况\n\n二、主动公开政府信息情况\n"), report(2021, "甲镇人民政府")), false);
  });
});

describe("findPredecessors", () => {
  it("pairs each report of a folder with its organ's report of the year before, in any order", () => {
    const models = [report(2021, "甲镇人民政府"), report(2021, "乙镇人民政府"), report(2020, "甲镇政府"), report(2022, "甲镇人民政府"), report(2019, "乙镇人民政府")];
    assert.deepEqual(findPredecessors(models), [2, undefined, undefined, 0, undefined]);
  });
  it("chooses none when two reports claim the same organ and year", () => {
    const models = [report(2020, "甲镇人民政府"), report(2020, "甲镇人民政府"), report(2021, "甲镇人民政府")];
    assert.deepEqual(findPredecessors(models), [undefined, undefined, undefined]);
  });
});
