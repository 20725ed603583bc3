import JSZip from "jszip";
import { XMLSerializer } from "@xmldom/xmldom";
import { DECLARED_FONTS } from "./typography";
import { parseXml } from "./xml";

const FONT_TABLE = "word/fontTable.xml";
/** GB2312, the character set of the Chinese fonts. */
const CHARSET_GB2312 = "86";

/**
 * Declares the report's fonts in the package's font table with a fallback
 * each (w:altName, character set, family), which the docx library does not
 * write unless the fonts are embedded.
 */
export async function declareFonts(docx: ArrayBuffer): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const doc = parseXml(await zip.file(FONT_TABLE)!.async("string"));
  const root = doc.documentElement!;
  const ns = root.namespaceURI;
  const element = (name: string, val: string) => {
    const el = doc.createElementNS(ns, name);
    el.setAttributeNS(ns, name === "w:font" ? "w:name" : "w:val", val);
    return el;
  };
  for (const font of DECLARED_FONTS) {
    const entry = element("w:font", font.name);
    entry.appendChild(element("w:altName", font.fallback));
    entry.appendChild(element("w:charset", CHARSET_GB2312));
    entry.appendChild(element("w:family", font.family));
    entry.appendChild(element("w:pitch", "variable"));
    root.appendChild(entry);
  }
  zip.file(FONT_TABLE, new XMLSerializer().serializeToString(doc));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
