// `npm run bench`: bundles the benchmark with esbuild the way the product is bundled, then runs it.
// (Running bench/main.ts under tsx would time the core with tsx's keepNames wrappers, slower than what ships.)
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const out = fileURLToPath(new URL("./tmp/bench.mjs", import.meta.url));
await build({
  entryPoints: [fileURLToPath(new URL("./main.ts", import.meta.url))],
  outfile: out,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  packages: "external",
  logLevel: "warning",
});
await import(out);
