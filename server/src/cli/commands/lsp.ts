import { join } from "node:path";

/**
 * `gov-report lsp [--stdio | --node-ipc | --socket=N]`: the language server
 * in this process. It is its own bundle (dist/server.js, beside the CLI's),
 * loaded here rather than bundled twice; it reads its transport from the
 * arguments (stdio when none is given) and ends the process when its client
 * goes away, so the returned promise never settles.
 */
export function lsp(): Promise<number> {
  const [node, , , ...transport] = process.argv;
  const server = join(__dirname, "server.js");
  process.argv = [node, server, ...transport];
  require(server);
  return new Promise(() => {});
}
