import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from "docx";
import { declareFonts } from "./fontTable";
import { CELL_MARGINS, PAGE, STYLES, TABLE_TEXT, TEXT_WIDTH } from "./typography";

/**
 * A 审核意见 for one report, in the typography of the official export
 * (typography.ts): the title naming the report, then per part of the report
 * (structure, tables, text, comparison with last year) a table of the
 * findings — place, kind, severity, what is wrong, the text in question —
 * and the closing line. The CLI gives the findings as plain text
 * (cli/opinion.ts), so this module knows nothing of rules.
 */

export interface OpinionItem {
  /** Line, or for a Word report its paragraph or table cell. */
  where: string;
  /** The rule's Chinese name. */
  kind: string;
  severity: string;
  message: string;
  quote: string;
}

export interface OpinionPart {
  /** 结构, 统计表, 文字, … */
  title: string;
  items: OpinionItem[];
}

export interface Opinion {
  /** The report's name: its title, else its file's name. */
  report: string;
  file: string;
  parts: OpinionPart[];
  /** Findings the reviewing office dismissed (the review file), not listed. */
  excluded: number;
}

const NUMERALS = "一二三四五六七八九十";
const COLUMNS = [
  { title: "序号", width: 6 },
  { title: "位置", width: 14 },
  { title: "问题类型", width: 22 },
  { title: "程度", width: 8 },
  { title: "问题说明", width: 30 },
  { title: "原文", width: 20 },
];
export const OPINION_CLOSING = "请对照以上意见逐项核实、修改后重新报送。";
const CLEAN = "经审核，未发现需要修改的问题。";

export async function opinionDocx(opinion: Opinion): Promise<Uint8Array> {
  const count = opinion.parts.reduce((n, p) => n + p.items.length, 0);
  const intro = count
    ? `经审核，《${opinion.report}》有以下 ${count} 个问题${opinion.excluded ? `（另有 ${opinion.excluded} 个经核实不是问题，未列入）` : ""}：`
    : CLEAN;
  const blocks: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun("审核意见")] }),
    body(`报告：${opinion.report}`),
    body(`文件：${opinion.file}`),
    body(intro),
  ];
  opinion.parts
    .filter((p) => p.items.length)
    .forEach((part, i) => {
      blocks.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${NUMERALS[i]}、${part.title}（${part.items.length} 个）`)] }));
      blocks.push(itemTable(part.items));
    });
  if (count) blocks.push(body(OPINION_CLOSING));
  const document = new Document({ title: `审核意见：${opinion.report}`, styles: STYLES, sections: [{ properties: { page: PAGE }, children: blocks }] });
  return declareFonts(await Packer.toArrayBuffer(document));
}

const body = (text: string) => new Paragraph({ children: [new TextRun(text)] });

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

function cell(text: string, width: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: Math.round((TEXT_WIDTH * width) / 100), type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    children: text.split("\n").map(
      (line) => new Paragraph({ style: TABLE_TEXT, alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun({ text: line, bold: header })] }),
    ),
  });
}

function itemTable(items: OpinionItem[]): Table {
  const header = new TableRow({ tableHeader: true, children: COLUMNS.map((c) => cell(c.title, c.width, true)) });
  const rows = items.map(
    (item, i) => new TableRow({ children: [String(i + 1), item.where, item.kind, item.severity, item.message, item.quote].map((text, c) => cell(text, COLUMNS[c].width, false)) }),
  );
  return new Table({
    rows: [header, ...rows],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMNS.map((c) => Math.round((TEXT_WIDTH * c.width) / 100)),
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGINS,
  });
}
