import { DOMParser, onErrorStopParsing, type Document, type Element, type Node } from "@xmldom/xmldom";

/** WordprocessingML as a DOM: element lookups by local name in the main namespace (transitional or strict). */

const W_NAMESPACES = new Set([
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
]);
const MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/** Wrappers that carry no layout of their own: their content belongs to the enclosing body, table or row. */
const TRANSPARENT = new Set(["sdt", "sdtContent", "customXml", "smartTag"]);

/** Parses XML; malformed input throws (xmldom's ParseError). */
export function parseXml(xml: string): Document {
  return new DOMParser({ onError: onErrorStopParsing }).parseFromString(xml, "application/xml");
}

export const isElement = (node: Node): node is Element => node.nodeType === 1;

export function isW(node: Node, localName?: string): node is Element {
  return isElement(node) && W_NAMESPACES.has(node.namespaceURI ?? "") && (localName === undefined || node.localName === localName);
}

/** An alternative rendering kept for older consumers: its text already stands in the preferred choice. */
export const isFallback = (node: Node) => isElement(node) && node.namespaceURI === MARKUP_COMPATIBILITY && node.localName === "Fallback";

/** The w: children of an element named localName, looking through content controls and custom XML. */
export function wChildren(parent: Element, localName: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (!isW(n)) continue;
    if (n.localName === localName) out.push(n);
    else if (TRANSPARENT.has(n.localName ?? "")) out.push(...wChildren(n, localName));
  }
  return out;
}

/** The block-level children of a body or cell (paragraphs and tables), in order. */
export function blockChildren(parent: Element): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (isW(n, "p") || isW(n, "tbl")) out.push(n);
    else if (isW(n) && TRANSPARENT.has(n.localName ?? "")) out.push(...blockChildren(n));
  }
  return out;
}

export function wChild(parent: Element | undefined, localName: string): Element | undefined {
  for (let n = parent?.firstChild; n; n = n.nextSibling) if (isW(n, localName)) return n;
  return undefined;
}

/** The w:val attribute of a property element (w:gridSpan w:val="3"), or undefined when absent. */
export function wVal(el: Element | undefined): string | undefined {
  if (!el) return undefined;
  const v = el.getAttributeNS(el.namespaceURI, "val");
  return v === null || v === "" ? undefined : v;
}

/** A count-valued property (gridSpan, gridBefore …) of a properties element; 0 when absent or invalid. */
export function wCount(props: Element | undefined, localName: string): number {
  const n = Number(wVal(wChild(props, localName)));
  return Number.isInteger(n) && n > 0 ? n : 0;
}
