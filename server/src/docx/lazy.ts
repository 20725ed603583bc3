/**
 * The Word side loaded on first use: the docx, jszip and xmldom libraries are
 * most of a bundle's size, and checking text drafts never needs them. In the
 * bundles this import is dist/docx.js, a bundle of its own (scripts/build.mjs),
 * so the CLI and the server start without parsing it.
 */
export type Docx = typeof import("./index");

let loaded: Promise<Docx> | undefined;

export function loadDocx(): Promise<Docx> {
  // require, not import(): the CLI's bundle runs through vm.Script (node/compileCache.ts), where Node 20 offers import() only behind an experimental flag.
  return (loaded ??= Promise.resolve().then(() => require("./index") as Docx));
}
