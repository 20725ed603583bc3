import type { Element, Node } from "@xmldom/xmldom";
import { isElement, isFallback, isW } from "./xml";

/**
 * The visible text of WordprocessingML content, in document order. In a
 * table cell, line breaks and paragraph ends join the pieces (a header cell
 * split over lines, 本年新 / 制作数量, is one label) and tabs become spaces
 * (a tab separates cells in the draft).
 */

/** Elements whose text is not visible: deletions, moved-away text, field codes, properties. */
const HIDDEN = new Set(["del", "moveFrom", "instrText", "delInstrText", "pPr", "rPr", "tcPr", "trPr", "tblPr"]);

export type TextContext = "body" | "cell";

export function visibleText(node: Node, context: TextContext): string {
  if (!isElement(node)) return "";
  if (isW(node)) {
    switch (node.localName) {
      case "t":
        return node.textContent ?? "";
      case "tab":
        return context === "cell" ? " " : "\t";
      case "br":
      case "cr":
        // Page and column breaks end a page, not a line of text.
        return context === "cell" || isPageBreak(node) ? "" : "\n";
    }
    if (HIDDEN.has(node.localName ?? "")) return "";
  }
  if (isFallback(node)) return "";
  let text = "";
  for (let n = node.firstChild; n; n = n.nextSibling) text += visibleText(n, context);
  return text;
}

function isPageBreak(br: Element): boolean {
  const type = br.getAttributeNS(br.namespaceURI, "type");
  return type === "page" || type === "column";
}
