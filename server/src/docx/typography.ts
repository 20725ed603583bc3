import { AlignmentType, convertMillimetersToTwip, LineRuleType, type IFontAttributesProperties, type IStylesOptions } from "docx";

/**
 * The customary typography of government documents (GB/T 9704-2012): A4,
 * type area 156 × 225 mm, title in 方正小标宋简体 二号, headings in 黑体 and
 * 楷体_GB2312, body in 仿宋_GB2312 三号 with a two-character first-line
 * indent, 22 lines a page; Latin letters and digits in Times New Roman.
 * These fonts are often missing outside government offices, so each one
 * declares the common font a consumer should use in its place.
 */

export interface DeclaredFont {
  name: string;
  /** The font a consumer substitutes when this one is not installed (w:altName). */
  fallback: string;
  /** The generic family, the consumer's last resort (w:family). */
  family: "roman" | "swiss";
}

const TITLE: DeclaredFont = { name: "方正小标宋简体", fallback: "宋体", family: "roman" };
const HEADING: DeclaredFont = { name: "黑体", fallback: "SimHei", family: "swiss" };
const SUBHEADING: DeclaredFont = { name: "楷体_GB2312", fallback: "楷体", family: "roman" };
const BODY: DeclaredFont = { name: "仿宋_GB2312", fallback: "仿宋", family: "roman" };
const LATIN = "Times New Roman";

export const DECLARED_FONTS = [TITLE, HEADING, SUBHEADING, BODY];

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 五号 10.5 pt. */
const SIZE = { title: 44, body: 32, table: 21 };
/** Two characters of 三号 text, in twips. */
const INDENT = 640;
/** A fixed 28.9 pt line gives the 22 lines of the standard type area. */
const BODY_LINE = 578;

export const PAGE = {
  // A4 (210 × 297 mm) in twips, as Word writes it (converting the millimetres would round it down).
  size: { width: 11906, height: 16838 },
  margin: {
    top: convertMillimetersToTwip(37),
    bottom: convertMillimetersToTwip(35),
    left: convertMillimetersToTwip(28),
    right: convertMillimetersToTwip(26),
  },
};

/** The width of the type area, which tables fill. */
export const TEXT_WIDTH = PAGE.size.width - PAGE.margin.left - PAGE.margin.right;

const fonts = (font: DeclaredFont): IFontAttributesProperties => ({ eastAsia: font.name, ascii: LATIN, hAnsi: LATIN, cs: LATIN, hint: "eastAsia" });

/** Narrow cell margins (1 mm) leave two characters a line in the fifteen columns of table 四. */
export const CELL_MARGINS = { left: convertMillimetersToTwip(1), right: convertMillimetersToTwip(1) };

/** Paragraph style of table cells. */
export const TABLE_TEXT = "TableText";

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: fonts(BODY), size: SIZE.body },
      paragraph: { spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT }, indent: { firstLine: INDENT }, alignment: AlignmentType.JUSTIFIED },
    },
    title: {
      run: { font: fonts(TITLE), size: SIZE.title, color: "000000" },
      paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { before: 0, after: BODY_LINE, line: 240, lineRule: LineRuleType.AUTO } },
    },
    heading1: {
      run: { font: fonts(HEADING), size: SIZE.body, bold: false, color: "000000" },
      paragraph: { indent: { firstLine: INDENT }, keepNext: true, spacing: { before: 0, after: 0, line: BODY_LINE, lineRule: LineRuleType.EXACT } },
    },
    heading2: {
      run: { font: fonts(SUBHEADING), size: SIZE.body, bold: false, italics: false, color: "000000" },
      paragraph: { indent: { firstLine: INDENT }, keepNext: true, spacing: { before: 0, after: 0, line: BODY_LINE, lineRule: LineRuleType.EXACT } },
    },
  },
  paragraphStyles: [
    {
      id: TABLE_TEXT,
      name: "Table Text",
      basedOn: "Normal",
      run: { size: SIZE.table },
      paragraph: { indent: { firstLine: 0 }, spacing: { line: 240, lineRule: LineRuleType.AUTO } },
    },
  ],
};
