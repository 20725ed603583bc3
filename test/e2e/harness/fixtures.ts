// Documents the scenarios work on: the shared samples, and clean reports built from the same
// official templates the product's 新建年度报告 uses.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { renderReport } from "../../../server/src/core";
import { fillGuidance } from "../../helpers/mutate";
import { expectedFindingsFile, samplesDir } from "./paths";

export const organ = "某某市人民政府办公室";

/** Table 三 of the clean report, [自然人, 商业企业] per row; 总计 is their sum, the balance holds (4+1 = 4+1). */
const applications: Record<string, [number, number]> = {
  new: [3, 1],
  carried: [1, 0],
  granted: [3, 1],
  "outcome-total": [3, 1],
  forward: [1, 0],
};

function applicationFigure(row: string, column: string): string | undefined {
  const pair = applications[row];
  if (!pair) return undefined;
  const byColumn: Record<string, number> = { natural: pair[0], business: pair[1], total: pair[0] + pair[1] };
  return byColumn[column]?.toString();
}

/** A complete 2025 report (2021 format, tab-separated tables) without any finding. */
export function cleanReport(): string {
  return fillGuidance(renderReport({ year: 2025, organ, values: applicationFigure }));
}

/** The clean report with nothing between the heading of section 三 and the next heading. */
export function reportWithEmptySection3(): string {
  return cleanReport().replace(/(三、收到和处理政府信息公开申请情况\n)[^]*?\n(四、政府信息公开行政复议)/, "$1\n\n$2");
}

export interface ExpectedFinding {
  rule: string;
  line: number;
}

/** The samples and, for each, the findings ../shared/conformance requires (`must`) at their lines. */
export function samplesWithExpectedFindings(): { file: string; text: string; must: ExpectedFinding[] }[] {
  const expected = JSON.parse(readFileSync(expectedFindingsFile, "utf8")) as {
    files: Record<string, { must?: { rule: string; line: number | [number, number] }[] }>;
  };
  return readdirSync(samplesDir)
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .map((file) => ({
      file,
      text: readFileSync(join(samplesDir, file), "utf8"),
      must: (expected.files[file]?.must ?? []).map(({ rule, line }) => ({ rule, line: Array.isArray(line) ? line[0] : line })),
    }));
}

/** 1-based line of the first line starting with `prefix`. */
export function lineStartingWith(text: string, prefix: string): number {
  const index = text.split("\n").findIndex((l) => l.startsWith(prefix));
  if (index < 0) throw new Error(`no line starts with ${prefix}`);
  return index + 1;
}
