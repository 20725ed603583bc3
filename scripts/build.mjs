// Bundles the client, the server and the CLI with esbuild (dist/). `--production` minifies.
import { build } from "esbuild";
import { readFileSync } from "node:fs";

const production = process.argv.includes("--production");
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const common = {
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
  { entryPoints: ["server/src/cli/main.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } },
  { entryPoints: ["server/src/server/main.ts"], outfile: "dist/server.js" },
  { entryPoints: ["client/src/extension.ts"], outfile: "dist/client.js", external: ["vscode"] },
];
for (const e of entries) await build({ ...common, ...e });
