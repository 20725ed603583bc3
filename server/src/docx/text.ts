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
  // A walk with a stack of its own: content nested deeper than the call stack would allow is still only a long loop.
  let text = "";
  const pending: Node[] = [node];
  while (pending.length) {
    const n = pending.pop()!;
    const own = ownText(n, context);
    if (own !== undefined) text += own;
    else for (let child = n.lastChild; child; child = child.previousSibling) pending.push(child);
  }
  return text;
}

/** The text a node stands for by itself, or undefined when it is that of its children. */
function ownText(node: Node, context: TextContext): string | undefined {
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
  return isFallback(node) ? "" : undefined;
}

function isPageBreak(br: Element): boolean {
  const type = br.getAttributeNS(br.namespaceURI, "type");
  return type === "page" || type === "column";
}
