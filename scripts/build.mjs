// Bundles the client, the server and the CLI with esbuild (dist/). `--production` minifies.
import { build } from "esbuild";
import { buildPage } from "./build-page.mjs";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const production = process.argv.includes("--production");
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
/** Node's network modules: every bundle gets scripts/no-network.cjs instead (test/reliability/security.test.ts checks). */
const NETWORK_MODULES = ["net", "http", "https", "tls", "dgram", "dns", "http2", "undici"];
const noNetwork = {
  name: "no-network",
  setup(b) {
    const filter = new RegExp(`^(node:)?(${NETWORK_MODULES.join("|")})(/.*)?$`);
    b.onResolve({ filter }, () => ({ path: fileURLToPath(new URL("./no-network.cjs", import.meta.url)) }));
  },
};

/**
 * The Word side (server/src/docx) is its own bundle, dist/docx.js, required by
 * the CLI and the server only when a .docx is read or written (docx/lazy.ts).
 */
const lazyDocx = {
  name: "lazy-docx",
  setup(b) {
    b.onResolve({ filter: /^\.\/index$/ }, (args) =>
      /[\\/]server[\\/]src[\\/]docx[\\/]lazy\.ts$/.test(args.importer) ? { path: "./docx.js", external: true } : undefined,
    );
  },
};

/**
 * The loopback socket of `--socket=N` is dist/loopback.js, the one bundle
 * built with Node's `net` (server/src/server/loopback.ts: 127.0.0.1 only);
 * the server requires it only for that transport.
 */
const lazyLoopback = {
  name: "lazy-loopback",
  setup(b) {
    b.onResolve({ filter: /^\.\/loopback$/ }, (args) =>
      /[\\/]server[\\/]src[\\/]server[\\/]transport\.ts$/.test(args.importer) ? { path: "./loopback.js", external: true } : undefined,
    );
  },
};

/** The spreadsheet writer and exceljs are dist/xlsx.js, required by the CLI only when it writes a spreadsheet (cli/xlsx.ts). */
const lazyXlsx = {
  name: "lazy-xlsx",
  setup(b) {
    b.onResolve({ filter: /^\.\/spreadsheet$/ }, (args) =>
      /[\\/]server[\\/]src[\\/]cli[\\/]xlsx\.ts$/.test(args.importer) ? { path: "./xlsx.js", external: true } : undefined,
    );
  },
};

const common = {
  plugins: [noNetwork],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: production ? false : "linked",
  minify: production,
  logLevel: "warning",
  define: { __VERSION__: JSON.stringify(pkg.version) },
};

const entries = [
  // dist/cli.js is the command: it starts dist/cli-main.js, the CLI, through a code cache (server/src/cli/launch.ts).
  { entryPoints: ["server/src/cli/launch.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } },
  { entryPoints: ["server/src/cli/main.ts"], outfile: "dist/cli-main.js", plugins: [noNetwork, lazyDocx, lazyXlsx] },
  { entryPoints: ["server/src/server/main.ts"], outfile: "dist/server.js", banner: { js: "#!/usr/bin/env node" }, plugins: [noNetwork, lazyDocx, lazyLoopback] },
  { entryPoints: ["server/src/server/loopback.ts"], outfile: "dist/loopback.js", plugins: [] },
  { entryPoints: ["server/src/docx/index.ts"], outfile: "dist/docx.js" },
  { entryPoints: ["server/src/cli/spreadsheet.ts"], outfile: "dist/xlsx.js" },
  { entryPoints: ["client/src/extension.ts"], outfile: "dist/client.js", external: ["vscode"] },
];
for (const e of entries) await build({ ...common, ...e });
await buildPage("dist/gov-report.html", common.define);
