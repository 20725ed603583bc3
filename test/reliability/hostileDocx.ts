/**
 * Generates the hostile .docx set: small files that claim huge amounts of
 * work. Each is a few kilobytes to about a megabyte on disk:
 *
 *   grid-span.docx       a row whose gridBefore and gridSpan claim billions of columns
 *   span-flood.docx      thousands of rows each spanning 250 columns: more cells than the budget
 *   paragraph-flood.docx 150,000 empty paragraphs
 *   markup-flood.docx    600,000 empty runs in one paragraph
 *   zip-bomb.docx        word/document.xml inflating to 1 GB
 *   deep-nesting.docx    content controls nested 50,000 deep
 *   many-entries.docx    20,000 archive entries
 *
 * Run directly to write them to a folder:
 *   node --import tsx test/reliability/hostileDocx.ts OUT_DIR
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createDeflateRaw, crc32, deflateRawSync } from "node:zlib";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const HEAD = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>`;
const TAIL = `</w:body></w:document>`;

/** A zip entry already deflated: its name, raw deflate bytes, CRC-32 and inflated size. */
interface Entry {
  name: string;
  deflated: Buffer;
  crc: number;
  size: number;
}

const entry = (name: string, text: string): Entry => {
  const data = Buffer.from(text, "utf8");
  return { name, deflated: deflateRawSync(data), crc: crc32(data), size: data.length };
};

/** The fields local and central headers share, from "version needed" to the name's length, written at `at`. */
function entryFields(header: Buffer, at: number, e: Entry, nameLength: number): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(8, at + 4);
  header.writeUInt32LE(e.crc >>> 0, at + 10);
  header.writeUInt32LE(e.deflated.length, at + 14);
  header.writeUInt32LE(e.size >>> 0, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
}

/** A zip archive of deflated entries (local headers, central directory, end record). */
function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    entryFields(local, 4, e, name.length);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    entryFields(central, 6, e, name.length);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A .docx whose main part is the given body markup. */
const docx = (body: string, extra: Entry[] = []) =>
  zip([entry("[Content_Types].xml", TYPES), entry("_rels/.rels", RELS), entry("word/document.xml", HEAD + body + TAIL), ...extra]);

/** A part inflating to `size` bytes of repeated markup, deflated as a stream: the inflated text never exists here. */
async function bombEntry(name: string, size: number): Promise<Entry> {
  const unit = Buffer.from("<w:p/>".repeat(174_763), "utf8"); // 1 MiB and a few bytes
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => deflate.on("end", resolve).on("error", reject));
  const head = Buffer.from(HEAD);
  let crc = crc32(head);
  let written = head.length;
  deflate.write(head);
  while (written < size) {
    crc = crc32(unit, crc);
    written += unit.length;
    if (!deflate.write(unit)) await new Promise((r) => deflate.once("drain", r));
  }
  deflate.end();
  await done;
  return { name, deflated: Buffer.concat(out), crc, size: written };
}

const row = (props: string, cells: string) => `<w:tr>${props ? `<w:trPr>${props}</w:trPr>` : ""}${cells}</w:tr>`;
const spanCell = (span: number) => `<w:tc><w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>`;

/** The hostile set, by file name. */
export async function hostileDocxSet(): Promise<Record<string, Buffer>> {
  const grid = `<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>${row(`<w:gridBefore w:val="2000000000"/>`, spanCell(2000000000))}</w:tbl>`;
  const spans = `<w:tbl>${row("", spanCell(250)).repeat(2_500)}</w:tbl>`;
  const depth = 50_000;
  const nested = `${"<w:sdt><w:sdtContent>".repeat(depth)}<w:p><w:r><w:t>深</w:t></w:r></w:p>${"</w:sdtContent></w:sdt>".repeat(depth)}`;
  const parts = Array.from({ length: 20_000 }, (_, i) => entry(`word/media/part${i}.xml`, ""));
  return {
    "grid-span.docx": docx(grid),
    "span-flood.docx": docx(spans),
    "paragraph-flood.docx": docx("<w:p/>".repeat(150_000)),
    "markup-flood.docx": docx(`<w:p>${"<w:r/>".repeat(600_000)}</w:p>`),
    "zip-bomb.docx": zip([entry("[Content_Types].xml", TYPES), entry("_rels/.rels", RELS), await bombEntry("word/document.xml", 1024 ** 3)]),
    "deep-nesting.docx": docx(nested),
    "many-entries.docx": docx("<w:p><w:r><w:t>多</w:t></w:r></w:p>", parts),
  };
}

export async function writeHostileDocxSet(dir: string): Promise<string[]> {
  const set = await hostileDocxSet();
  return Object.entries(set).map(([name, data]) => {
    const path = join(dir, name);
    writeFileSync(path, data);
    return path;
  });
}

if (process.argv[1] === import.meta.filename) {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: node --import tsx test/reliability/hostileDocx.ts OUT_DIR");
  void writeHostileDocxSet(dir).then((paths) => process.stdout.write(paths.join("\n") + "\n"));
}
