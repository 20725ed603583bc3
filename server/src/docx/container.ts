import JSZip from "jszip";
import type { Element } from "@xmldom/xmldom";
import { localized } from "../core";
import { DocxError } from "./errors";
import { checkEntryCount, checkMarkup, partLimit, partTooLarge } from "./limits";
import { isW, parseXml, wChild } from "./xml";

/**
 * Opens a .docx container: the zip archive, its main document part (found
 * through the package relationships, as Word does) and that part's w:body.
 */

const OFFICE_DOCUMENT = /\/officeDocument$/;
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

async function unzip(data: Uint8Array): Promise<JSZip> {
  if (OLE_SIGNATURE.every((b, i) => data[i] === b)) {
    throw new DocxError(
      localized(
        "这是旧版 Word 文件（.doc）或加密的文档，请在 Word 中另存为 .docx（不加密）",
        "an old Word file (.doc) or an encrypted document: save it as .docx, without a password, in Word",
      ),
    );
  }
  checkEntryCount(data);
  try {
    return await JSZip.loadAsync(data);
  } catch {
    throw new DocxError(localized("不是 Word 文档（.docx）：文件不是 zip 压缩包或已损坏", "not a Word document (.docx): not a zip archive, or a damaged one"));
  }
}

/** JSZip's own chunk stream (untyped in its declarations): unlike nodeStream, it runs in a browser too. */
interface ChunkStream {
  on(event: "data", listener: (chunk: Uint8Array) => void): ChunkStream;
  on(event: "end" | "error", listener: () => void): ChunkStream;
  resume(): ChunkStream;
  pause(): ChunkStream;
}

/**
 * A part's text, inflated a chunk at a time and abandoned as soon as it
 * passes its limit (partLimit: a size, and a ratio to the archive's size), so
 * that a zip bomb costs no more than the limit.
 */
async function readPart(zip: JSZip, path: string, archiveBytes: number): Promise<string | undefined> {
  const file = zip.file(path);
  if (!file) return undefined;
  const limit = partLimit(archiveBytes);
  const bytes = await new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    const stream = (file as unknown as { internalStream(type: "uint8array"): ChunkStream }).internalStream("uint8array");
    stream.on("data", (chunk) => {
      total += chunk.length;
      if (total > limit) {
        stream.pause();
        reject(partTooLarge(path, limit));
      } else chunks.push(chunk);
    });
    stream.on("end", () => resolve(concat(chunks, total)));
    stream.on("error", () => reject(new DocxError(localized(`Word 文档已损坏：无法解压 ${path}`, `damaged Word document: cannot decompress ${path}`))));
    stream.resume();
  });
  return new TextDecoder().decode(bytes);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The path of the main document part named by _rels/.rels (word/document.xml in every Word file we know). */
async function mainPartPath(zip: JSZip, archiveBytes: number): Promise<string | undefined> {
  const rels = await readPart(zip, "_rels/.rels", archiveBytes);
  if (rels === undefined) return undefined;
  const doc = parseXmlOrFail(rels, "_rels/.rels");
  const list = doc.getElementsByTagName("Relationship");
  for (let i = 0; i < list.length; i++) {
    const rel = list[i];
    if (OFFICE_DOCUMENT.test(rel.getAttribute("Type") ?? "")) return (rel.getAttribute("Target") ?? "").replace(/^\//, "");
  }
  return undefined;
}

function parseXmlOrFail(xml: string, path: string) {
  checkMarkup(xml, path);
  try {
    return parseXml(xml);
  } catch {
    throw new DocxError(localized(`Word 文档已损坏：${path} 不是有效的 XML`, `damaged Word document: ${path} is not well-formed XML`));
  }
}

/** The w:body of a .docx; anything that is not one throws a DocxError saying what it is instead. */
export async function openDocxBody(data: Uint8Array): Promise<Element> {
  const zip = await unzip(data);
  const path = await mainPartPath(zip, data.length);
  const xml = path === undefined ? undefined : await readPart(zip, path, data.length);
  if (xml === undefined) {
    throw new DocxError(localized("zip 压缩包中没有 Word 正文，不是 .docx 文档", "a zip archive without a Word main document: not a .docx file"));
  }
  const root = parseXmlOrFail(xml, path!).documentElement;
  const body = root && isW(root, "document") ? wChild(root, "body") : undefined;
  if (!body) {
    throw new DocxError(localized(`${path} 不是 Word 正文（缺少 w:body），不是 .docx 文档`, `${path} is not a Word main document (no w:body): not a .docx file`));
  }
  return body;
}
