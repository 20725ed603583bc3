import type { TableSpec } from "../formats";
import { memoOn } from "../memo";
import type { Cell, Row, Table } from "../model";
import { renderRow, renderTable, templateRows, writtenLayout } from "../templates";
import { eolOf } from "../text";
import { localized, range, type Range } from "../types";
import { defineRule, type Fix } from "./types";

/** Table rules: presence, rows, cells (FORMATS.md §2–4, §7). */

const at = (r: Range): Range => range(r.start.line, r.start.character, r.start.line, r.start.character);

export const tableMissingRule = defineRule({
  id: "table-missing",
  severity: "error",
  category: "table",
  description: localized("部分中缺少标准统计表（或表格以图片粘贴）", "A standard table is missing from its section (or was pasted as an image)"),
  example: localized("“三、收到和处理政府信息公开申请情况”下没有表格", "No table under 三、收到和处理政府信息公开申请情况"),
  basis: localized(
    "国办公开办函〔2021〕30号（〔2019〕60号）附件规定第二、三、四部分各附统计表（主动公开情况、收到和处理申请情况、行政复议和行政诉讼情况）；表格应为文字表格，以图片粘贴则无法核对数据。",
    "The format of 国办公开办函〔2021〕30号 (〔2019〕60号) gives sections 二, 三 and 四 a statistics table each; a table pasted as a picture cannot be checked.",
  ),
  correct: localized("“三、收到和处理政府信息公开申请情况”下是完整的表三（文字表格）", "Section 三 holds the whole of table 三 as a text table"),
  fix: "suggested",
  check({ model, format, report }) {
    const eol = eolOf(model.lines);
    for (const section of model.sections) {
      const specs = format.tables.filter((t) => t.section === section.spec.index);
      if (!specs.length) continue;
      // A table that could not be read is still there: it has its own finding (table-unreadable).
      const present = new Set([...model.tables, ...model.unreadableTables].map((t) => t.spec.id));
      const missing = specs.filter((t) => !present.has(t.id));
      if (!missing.length) continue;
      const line = section.range.start.line;
      const end = model.lines[line].text.length;
      const none = missing.length === specs.length;
      const insert = (tables: TableSpec[]): Fix => ({
        title: localized(
          `插入表格：${tables.map((t) => t.title.zh).join("、")}（${format.id} 格式）`,
          `Insert table: ${tables.map((t) => t.title.en).join(", ")} (${format.id} format)`,
        ),
        edits: [{ range: range(line, end, line, end), newText: eol + eol + tables.map((t) => renderTable(t, "tabs", eol)).join(eol) }],
        safe: false,
      });
      if (none) {
        report({
          range: section.titleRange,
          message: localized(
            `“${section.spec.title}”下没有统计表（表格是否以图片粘贴？）`,
            `No statistics table under “${section.spec.title}” (pasted as an image?)`,
          ),
          fixes: [insert(specs)],
        });
      } else {
        for (const t of missing)
          report({
            range: section.titleRange,
            message: localized(`缺少表格：${t.title.zh}`, `Missing table: ${t.title.en}`),
            fixes: [insert([t])],
          });
      }
    }
  },
});

export const tableRowMissingRule = defineRule({
  id: "table-row-missing",
  severity: "error",
  category: "table",
  description: localized("统计表缺少标准行", "A standard row is missing from a table"),
  example: localized("表三中没有“（四）无法提供 3.补正后申请内容仍不明确”一行", "Table 三 lacks the row 3.补正后申请内容仍不明确"),
  basis: localized(
    "统计表的行以国办公开办函〔2021〕30号（〔2019〕60号）附件为准，不删减；没有发生的情形填 0。",
    "The rows of each table are those of the format of 国办公开办函〔2021〕30号 (〔2019〕60号); none is dropped, a case that did not occur gets 0.",
  ),
  correct: localized("保留“3.补正后申请内容仍不明确”一行，各列填 0", "The row 3.补正后申请内容仍不明确 kept, with 0s"),
  fix: "suggested",
  check({ model, report }) {
    const eol = eolOf(model.lines);
    for (const table of model.tables) {
      if (!table.rows.length || !table.missingRows.length) continue;
      const rows = templateRows(table.spec);
      const valueRows = table.spec.rows.filter((r) => r.values !== false);
      for (const missing of table.missingRows) {
        // The row belongs after the nearest earlier template row that is present.
        const idx = valueRows.indexOf(missing);
        const before = valueRows.slice(0, idx).reverse().map((r) => table.rows.find((x) => x.spec === r)).find(Boolean);
        const anchor = before ? before.range.end : table.rows[0].range.start;
        const layout = writtenLayout(table.layout);
        const text = renderRow(rows[idx], layout, eol);
        const newText = before ? (layout === "cell-per-line" ? eol + eol + text : eol + text) : text + (layout === "cell-per-line" ? eol + eol : eol);
        const pos = before ? anchor : range(anchor.line, 0, anchor.line, 0).start;
        report({
          range: range(pos.line, pos.character, pos.line, pos.character),
          message: localized(`${table.spec.title.zh}缺少一行：“${missing.label}”`, `${table.spec.title.en}: missing row “${missing.label}”`),
          fixes: [{ title: localized(`插入“${missing.label}”一行（填 0）`, `Insert the row “${missing.label}” with 0s`), edits: [{ range: range(pos.line, pos.character, pos.line, pos.character), newText }], safe: false }],
        });
      }
    }
  },
});

export const tableCellCountRule = defineRule({
  id: "table-cell-count",
  severity: "error",
  category: "table",
  description: localized("表格行的数值个数与列数不符，无法对应到列", "A row has more or fewer values than the table has columns"),
  example: localized("表三“（六）其他处理”一行有 8 个数值，表格只有 7 列", "Row （六）其他处理 has 8 values in a 7-column table"),
  basis: localized(
    "国办公开办函〔2021〕30号（〔2019〕60号）附件的表三有七列数值：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计；表四有十五列。",
    "Table 三 of the format of 国办公开办函〔2021〕30号 (〔2019〕60号) has seven value columns (自然人 … 总计); table 四 has fifteen.",
  ),
  correct: localized("“（六）其他处理”一行有 7 个数值，与七列一一对应", "Row （六）其他处理 has 7 values, one per column"),
  fix: "none",
  check({ model, report }) {
    for (const table of model.tables) {
      const n = table.spec.columns.length;
      const extra = extraTrailingValue(table);
      for (const row of table.rows) {
        if (row.placement === "placed") continue;
        const r = range(row.range.start.line, row.range.start.character, row.range.start.line, Math.max(row.range.start.character, lineEnd(model, row.range.start.line)));
        report({
          range: r,
          message:
            row.placement === "too-many"
              ? extra !== undefined
                ? localized(
                  `“${row.spec.label}”一行有 ${row.valueCount} 个数值，表格只有 ${n} 列：本表每一行末尾都多出一个“${extra}”`,
                  `Row “${row.spec.label}” has ${row.valueCount} values; the table has ${n} columns: every row of this table ends in an extra “${extra}”`,
                )
                : localized(`“${row.spec.label}”一行有 ${row.valueCount} 个数值，表格只有 ${n} 列`, `Row “${row.spec.label}” has ${row.valueCount} values; the table has ${n} columns`)
              : row.valueCount === 0
                ? localized(`“${row.spec.label}”一行没有填写数值（表格有 ${n} 列）`, `Row “${row.spec.label}” has no values for its ${n} columns`)
                : localized(
                  `“${row.spec.label}”一行只有 ${row.valueCount} 个数值（表格有 ${n} 列），空单元格已被删去，无法确定各数值所在的列`,
                  `Row “${row.spec.label}” has only ${row.valueCount} values for ${n} columns; blank cells were dropped, so the columns cannot be told`,
                ),
        });
      }
    }
  },
});

/** "54、60–63": 1-based line numbers, consecutive runs joined. */
function lineList(lines: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
    runs.push(j > i ? `${lines[i] + 1}–${lines[j] + 1}` : `${lines[i] + 1}`);
    i = j;
  }
  return runs.join("、");
}

export const tableUnreadableRule = defineRule({
  id: "table-unreadable",
  severity: "warning",
  category: "table",
  description: localized(
    "统计表的行无法可靠读取（行被粘连、行名未能对应或多行数值无法对应到列），本表不做进一步检查",
    "A table's rows cannot be read with confidence (rows run together, labels not matched, or many rows whose values cannot be placed); nothing else is checked in it",
  ),
  example: localized("网页复制的表三中两行挤在同一行里", "Two rows of table 三 run together in a web copy"),
  basis: localized(
    "统计表的行和列以国办公开办函〔2021〕30号（〔2019〕60号）附件为准：每行一个项目，行名在前，数值按列排列。",
    "The tables of the format of 国办公开办函〔2021〕30号 (〔2019〕60号) have one item per row, its label first and its values in column order.",
  ),
  correct: localized("表三每一行单独成行，行名后依次是七列数值", "Each row of table 三 on its own, its label followed by the seven values"),
  fix: "none",
  check({ model, report }) {
    for (const t of model.unreadableTables) {
      const rows = t.rowLines.length ? `第 ${lineList(t.rowLines)} 行的数值无法对应到列` : "";
      const hidden = t.hiddenRows.length ? `“${t.hiddenRows.map((r) => r.label).join("”“")}”未能读作一行` : "";
      const rowsEn = t.rowLines.length ? `the values on lines ${lineList(t.rowLines)} cannot be placed in columns` : "";
      const hiddenEn = t.hiddenRows.length ? `“${t.hiddenRows.map((r) => r.label).join("”, “")}” could not be read as rows` : "";
      report({
        range: t.headingRange,
        message: localized(
          `${t.spec.title.zh}未能可靠读取：${[rows, hidden].filter(Boolean).join("；")}。请按标准格式整理本表（每行一个行名及其各列数值），本表暂不做勾稽等检查`,
          `${t.spec.title.en} cannot be read with confidence: ${[rowsEn, hiddenEn].filter(Boolean).join("; ")}. Lay the table out in the standard form (one row label and its values per row); its figures are not checked until then`,
        ),
      });
    }
  },
});

const lineEnd = (model: { lines: { text: string }[] }, line: number) => model.lines[line]?.text.length ?? 0;

/**
 * The value every row of the table has one too many of at its end (a column
 * of the source that the template does not have), when there is one: at
 * least two rows with values, each with exactly one value more than the
 * table has columns, all ending in the same text.
 */
export function extraTrailingValue(table: Table): string | undefined {
  const rows = table.rows.filter((row) => row.spec.values !== false);
  const n = table.spec.columns.length;
  if (rows.length < 2 || rows.some((row) => row.placement !== "too-many" || row.valueCount !== n + 1)) return undefined;
  const last = new Set(rows.map((row) => row.rawCells[row.rawCells.length - 1]?.raw.trim()));
  const [value] = last;
  return last.size === 1 && value ? value : undefined;
}

const VALUE_CELLS = Symbol("value cells");

/** The placed value cells of a table with their rows, listed once for the three cell rules. */
const valueCells = (table: Table): readonly { row: Row; cell: Cell }[] => memoOn(VALUE_CELLS, table, listValueCells);

function listValueCells(table: Table): { row: Row; cell: Cell }[] {
  const out: { row: Row; cell: Cell }[] = [];
  for (const row of table.rows) {
    if (row.spec.values === false) continue;
    for (const cell of row.cells) if (cell) out.push({ row, cell });
  }
  return out;
}

const columnLabel = (c: Cell) => (c.column.subgroup ? `${c.column.subgroup}·${c.column.label}` : c.column.label);

export const tableCellEmptyRule = defineRule({
  id: "table-cell-empty",
  severity: "warning",
  category: "table",
  description: localized("表格单元格为空或填“/”“-”，模板要求填 0", "A table cell is empty or holds / or -; the template expects 0"),
  example: localized("自然人一列留空", "The 自然人 cell left blank"),
  basis: localized(
    "国办公开办函〔2021〕30号（〔2019〕60号）附件的统计表每个单元格都填数字，没有发生的填 0，不留空、不填“/”。",
    "Every cell of the tables of 国办公开办函〔2021〕30号 (〔2019〕60号) holds a figure; 0 where nothing happened, never blank or “/”.",
  ),
  correct: localized("自然人一列填 0", "The 自然人 cell reads 0"),
  fix: "suggested",
  check({ model, report }) {
    for (const table of model.tables) {
      const empties = valueCells(table).filter((x) => x.cell.status === "empty");
      if (!empties.length) continue;
      // A cell the draft does not write has no text to put a 0 in: it is reported, not filled.
      const written = empties.filter((x) => !x.cell.implied);
      const fillAll: Fix = {
        title: localized(`将本表所有空单元格填 0（${written.length} 处）`, `Fill every empty cell of this table with 0 (${written.length})`),
        edits: written.map((x) => ({ range: x.cell.contentRange, newText: "0" })),
        safe: false,
      };
      for (const { row, cell } of empties) {
        report({
          range: cell.noneMarker ? cell.contentRange : at(cell.contentRange),
          message: localized(
            `“${row.spec.label}”的“${columnLabel(cell)}”${cell.noneMarker ? `填了“${cell.raw.trim()}”` : "为空"}，应填数字（没有则填 0）`,
            `“${row.spec.label}” / “${cell.column.label}” is ${cell.noneMarker ? `“${cell.raw.trim()}”` : "empty"}; write a number (0 for none)`,
          ),
          fixes: cell.implied ? [] : [{ title: localized("填 0", "Fill with 0"), edits: [{ range: cell.contentRange, newText: "0" }], safe: false }, fillAll],
        });
      }
    }
  },
});

const PROBLEMS = {
  "not-a-number": localized("不是数字", "is not a number"),
  negative: localized("件数不能为负数", "a count cannot be negative"),
  fraction: localized("件数不能有小数", "a count cannot be fractional"),
  sign: localized("此列不应带正负号", "this column takes no sign"),
  "double-sign": localized("符号重复", "has a doubled sign"),
};

export const tableCellInvalidRule = defineRule({
  id: "table-cell-invalid",
  severity: "error",
  category: "table",
  description: localized("表格单元格不是有效数值（非数字、负数、小数、多余符号）", "A table cell is not a valid value (not a number, negative, fractional, stray sign)"),
  example: localized("“上一年项目数量”填“+22”；“--253”", "+22 under 上一年项目数量; --253"),
  basis: localized(
    "国办公开办函〔2021〕30号（〔2019〕60号）附件的统计表中，件数为非负整数；只有“本年增/减”可带正负号，金额可有小数。",
    "In the tables of 国办公开办函〔2021〕30号 (〔2019〕60号) counts are whole numbers ≥ 0; only 本年增/减 carries a sign and only amounts have decimals.",
  ),
  correct: localized("“上一年项目数量”填 22", "22 under 上一年项目数量"),
  fix: "none",
  check({ model, report }) {
    for (const table of model.tables)
      for (const { row, cell } of valueCells(table)) {
        if (cell.status !== "invalid") continue;
        const why = PROBLEMS[cell.problem ?? "not-a-number"];
        report({
          range: cell.contentRange,
          message: localized(
            `“${row.spec.label}”的“${columnLabel(cell)}”填写“${cell.raw.trim()}”：${why.zh}`,
            `“${row.spec.label}” / “${cell.column.label}” holds “${cell.raw.trim()}”: ${why.en}`,
          ),
        });
      }
  },
});

export const tableCellFormatRule = defineRule({
  id: "table-cell-format",
  severity: "info",
  category: "style",
  description: localized("数值写法不规范（全角数字、减2/增3、千分位、单元格内带单位）", "A number written non-canonically (full-width digits, 减2/增3, thousands separators, units)"),
  example: localized("“减2”应写作“-2”；“251000元”应写作“251000”", "减2 → -2; 251000元 → 251000"),
  basis: localized(
    "统计表的数值用半角阿拉伯数字填写，单位在表头（如国办公开办函〔2021〕30号附件的“本年收费金额（单位：万元）”），不写在单元格里。",
    "Table figures are half-width Arabic numerals; the unit stands in the header (本年收费金额（单位：万元） in 国办公开办函〔2021〕30号), not in the cell.",
  ),
  correct: localized("“-2”；“251000”", "-2; 251000"),
  fix: "safe",
  check({ model, report }) {
    for (const table of model.tables)
      for (const { cell } of valueCells(table)) {
        if (cell.status !== "number" || cell.canonical === undefined) continue;
        report({
          range: cell.contentRange,
          message: localized(`数值“${cell.raw.trim()}”应写作“${cell.canonical}”`, `Write “${cell.raw.trim()}” as “${cell.canonical}”`),
          fixes: [{ title: localized(`改为“${cell.canonical}”`, `Write “${cell.canonical}”`), edits: [{ range: cell.contentRange, newText: cell.canonical }], safe: true }],
        });
      }
  },
});
