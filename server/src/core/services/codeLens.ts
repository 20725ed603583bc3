import type { ReportModel } from "../model";
import { comparePositions } from "../positions";
import { checkRelations } from "../relations";
import { localized, pick, range, type Locale, type Range } from "../types";

/**
 * A lens above each statistics table that has relations (勾稽关系): whether
 * they hold, how many do not, and where the first mismatch is.
 */

export interface BalanceLens {
  /** The table's first line, where the lens stands. */
  range: Range;
  title: string;
  /** The first total that does not add up. */
  firstMismatch?: Range;
}

export function balanceLenses(model: ReportModel, locale: Locale): BalanceLens[] {
  return model.tables
    .filter((t) => t.spec.relations.length > 0)
    .map((table) => {
      const checks = checkRelations(table);
      const failing = checks
        .filter((c) => !c.holds)
        .sort((a, b) => comparePositions(a.target.cell.contentRange.start, b.target.cell.contentRange.start));
      const line = table.range.start.line;
      const title = failing.length
        ? localized(`勾稽关系：${failing.length} 处不平衡`, `Relations: ${failing.length} mismatch${failing.length > 1 ? "es" : ""}`)
        : checks.length
          ? localized(`勾稽关系 ✓（已核对 ${checks.length} 项）`, `Relations ✓ (${checks.length} checked)`)
          : localized("勾稽关系：数据不全，无法核对", "Relations: figures incomplete, cannot be checked");
      return { range: range(line, 0, line, 0), title: pick(title, locale), firstMismatch: failing[0]?.target.cell.contentRange };
    });
}
