// The offline page (dist/gov-report.html): server/src/page/main.ts bundled for the browser with
// the core and the Word side, inline in the document that server/src/page/document.ts writes.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";

const bundle = async (options) => (await build({ bundle: true, write: false, logLevel: "warning", charset: "utf8", ...options })).outputFiles[0].text;

export async function buildPage(outfile, define) {
  const script = await bundle({
    entryPoints: ["server/src/page/main.ts"],
    platform: "browser",
    format: "iife",
    target: "chrome86",
    // Always minified: the page is one file, opened from a USB stick.
    minify: true,
    define,
  });
  const shell = await bundle({ entryPoints: ["server/src/page/document.ts"], platform: "neutral", format: "esm" });
  const { pageDocument } = await import(`data:text/javascript;base64,${Buffer.from(shell).toString("base64")}`);
  const sha256 = (text) => createHash("sha256").update(text, "utf8").digest("base64");
  writeFileSync(outfile, pageDocument(script, sha256));
}
