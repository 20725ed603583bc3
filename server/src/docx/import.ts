import type { Element } from "@xmldom/xmldom";
import type { Position } from "../core";
import { openDocxBody } from "./container";
import { tableGrid } from "./grid";
import { Budget, MAX_CELLS, MAX_PARAGRAPHS } from "./limits";
import { wordLocator, type LineOrigin, type WordLocation } from "./locations";
import { visibleText } from "./text";
import { blockChildren, isW } from "./xml";

/** A .docx converted to a text draft, with the Word location of every position of the draft. */
export interface WordDraft {
  text: string;
  locate(position: Position): WordLocation | undefined;
}

interface DraftLine {
  text: string;
  origin: LineOrigin;
}

/**
 * Converts a .docx to a text draft: each non-empty paragraph becomes a line
 * (a line break inside it starts another line of the same paragraph), each
 * table its rows of tab-separated cells on the table's full grid (see
 * tableGrid); blocks are separated by a blank line, as in the drafts users paste.
 */
export async function importDocx(data: Uint8Array): Promise<WordDraft> {
  const blocks = draftBlocks(await openDocxBody(data));
  const lines: string[] = [];
  const origins: (LineOrigin | undefined)[] = [];
  blocks.forEach((block, i) => {
    if (i > 0) {
      lines.push("");
      origins.push(undefined);
    }
    for (const l of block) {
      lines.push(l.text);
      origins.push(l.origin);
    }
  });
  return { text: lines.join("\n") + "\n", locate: wordLocator(lines, origins) };
}

function draftBlocks(body: Element): DraftLine[][] {
  const blocks: DraftLine[][] = [];
  const paragraphs = new Budget(MAX_PARAGRAPHS, { zh: "段落", en: "paragraphs" });
  const cells = new Budget(MAX_CELLS, { zh: "表格单元格", en: "table cells" });
  let paragraph = 0;
  let table = 0;
  for (const block of blockChildren(body)) {
    if (isW(block, "tbl")) {
      table++;
      blocks.push(tableGrid(block, cells).map((row, r) => ({ text: row.join("\t"), origin: { table, row: r + 1 } })));
      continue;
    }
    paragraphs.take(1);
    const text = visibleText(block, "body");
    if (text.trim() === "") continue;
    paragraph++;
    blocks.push(text.split("\n").map((line) => ({ text: line, origin: { paragraph } })));
  }
  return blocks;
}
