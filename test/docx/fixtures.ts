import { DeletedTextRun, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from "docx";
import { formatById } from "../../server/src/core";

/**
 * A Word report built the way offices' Word files are, independently of the
 * exporter under test: tables laid out as in the official Word format, with
 * horizontal (w:gridSpan) and vertical (w:vMerge) merges in every table, and
 * blank cells among the figures so that a value can only land in its column
 * through the merges. `expected` holds, for each table and row, the figure of
 * each template column ("" for a blank cell).
 */

interface FixtureCell {
  text: string;
  span: number;
  merge?: "restart" | "continue";
}

const cell = (text: string, span = 1): FixtureCell => ({ text, span });
/** The first cell of a vertical merge. */
const top = (text: string, span = 1): FixtureCell => ({ text, span, merge: "restart" });
/** A cell continuing the vertical merge above it (Word writes it, empty). */
const under = (span = 1): FixtureCell => ({ text: "", span, merge: "continue" });

function wordTable(rows: FixtureCell[][]): Table {
  return new Table({
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: cells.map(
            (c) =>
              new TableCell({
                columnSpan: c.span > 1 ? c.span : undefined,
                verticalMerge: c.merge === "restart" ? VerticalMergeType.RESTART : c.merge === "continue" ? VerticalMergeType.CONTINUE : undefined,
                children: [new Paragraph(c.text)],
              }),
          ),
        }),
    ),
  });
}

export type ExpectedFigures = Map<string, Map<string, string[]>>;

const FORMAT = formatById("2021");
const spec = (id: string) => FORMAT.tables.find((t) => t.id === id)!;

/** Table 二 on a five-column grid: the 第二十条 caption merged down its sub-table's rows, one-figure columns spanning three. */
function activeTable(expected: ExpectedFigures): Table {
  const figures: Record<string, string[]> = {
    rules: ["2", "", "7"],
    normative: ["3", "1", "25"],
    licensing: ["412"],
    penalty: ["156"],
    enforcement: [""],
    fees: ["0.35"],
  };
  const rows: FixtureCell[][] = [];
  for (const sub of FORMAT.tables.filter((t) => t.section === 2)) {
    const span = 4 - sub.columns.length;
    const last = (text: string) => (span > 1 ? cell(text, span) : cell(text));
    rows.push([top(sub.caption!), cell("信息内容"), ...sub.columns.slice(0, -1).map((c) => cell(c.label)), last(sub.columns.at(-1)!.label)]);
    for (const row of sub.rows) {
      const values = figures[row.id];
      rows.push([under(), cell(row.label), ...values.slice(0, -1).map((v) => cell(v)), last(values.at(-1)!)]);
    }
    expected.set(sub.id, new Map(sub.rows.map((r) => [r.id, figures[r.id]])));
  }
  return wordTable(rows);
}

/** A figure for each cell, distinct across the table, with blanks scattered among them. */
const figuresOfRow = (index: number, columns: number) =>
  Array.from({ length: columns }, (_, j) => ((index + j) % 4 === 0 ? "" : String(index * columns + j + 1)));

/**
 * Table 三 as in the official Word format: three label columns (三、本年度办理结果
 * merged down all outcome rows, each group label merged down its items), the
 * first header cell spanning three columns and three rows, 自然人 and 总计 two rows.
 */
function applicationsTable(expected: ExpectedFigures): Table {
  const table = spec("applications");
  const rows: FixtureCell[][] = [
    [top("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3), cell("申请人情况", 7)],
    [under(3), top("自然人"), cell("法人或其他组织", 5), top("总计")],
    [under(3), under(), ...["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].map((t) => cell(t)), under()],
  ];
  const figures = new Map<string, string[]>();
  const valueRows = table.rows.filter((r) => r.values !== false);
  const outcomes = valueRows.slice(valueRows.findIndex((r) => r.id === "granted"), valueRows.findIndex((r) => r.id === "outcome-total") + 1);
  valueRows.forEach((row, i) => {
    const values = figuresOfRow(i, 7);
    figures.set(row.id, values);
    const label = (): FixtureCell[] => {
      if (!outcomes.includes(row)) return [cell(row.label, 3)];
      const results = row === outcomes[0] ? top("三、本年度办理结果") : under();
      const inGroup = row.group && row.group !== "三、本年度办理结果";
      if (!inGroup) return [results, cell(row.label, 2)];
      const firstOfGroup = valueRows.find((r) => r.group === row.group) === row;
      return [results, firstOfGroup ? top(row.group!) : under(), cell(row.label)];
    };
    rows.push([...label(), ...values.map((v) => cell(v))]);
  });
  expected.set("applications", figures);
  return wordTable(rows);
}

/** Table 四: the outcome headers of 行政复议 merged down two rows, the groups spanning five and ten columns. */
function reviewTable(expected: ExpectedFigures): Table {
  const outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
  const values = figuresOfRow(1, 15);
  expected.set("review", new Map([["cases", values]]));
  return wordTable([
    [cell("行政复议", 5), cell("行政诉讼", 10)],
    [...outcomes.map((o) => top(o)), cell("未经复议直接起诉", 5), cell("复议后起诉", 5)],
    [...outcomes.map(() => under()), ...[...outcomes, ...outcomes].map((o) => cell(o))],
    values.map((v) => cell(v)),
  ]);
}

const paragraph = (text: string) => new Paragraph(text);

export interface WordFixture {
  docx: Buffer;
  expected: ExpectedFigures;
}

/**
 * The report: a title split over two lines of one paragraph, an empty
 * paragraph (not counted), an introduction whose statistics period names the
 * wrong year (a finding in paragraph 2) and which holds tracked-deleted text,
 * the six sections and the three tables.
 */
export async function wordReport(): Promise<WordFixture> {
  const expected: ExpectedFigures = new Map();
  const children = [
    new Paragraph({ children: [new TextRun("某某区人民政府办公室"), new TextRun({ text: "2022年政府信息公开工作年度报告", break: 1 })] }),
    paragraph(""),
    new Paragraph({
      children: [
        new TextRun("本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。"),
        new DeletedTextRun({ text: "已删除的文字", id: 1, author: "审核人", date: "2023-01-05T00:00:00Z" }),
      ],
    }),
    paragraph("一、总体情况"),
    paragraph("2022年，本机关认真贯彻落实《条例》，持续推进政府信息公开工作。"),
    paragraph("二、主动公开政府信息情况"),
    activeTable(expected),
    paragraph("三、收到和处理政府信息公开申请情况"),
    applicationsTable(expected),
    paragraph("四、政府信息公开行政复议、行政诉讼情况"),
    reviewTable(expected),
    paragraph("五、存在的主要问题及改进情况"),
    paragraph("公开内容的及时性有待提高，下一步将建立更新提醒机制。"),
    paragraph("六、其他需要报告的事项"),
    paragraph("本年度未收取信息处理费。"),
  ];
  const docx = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  return { docx, expected };
}
