// Stands in for Node's network modules in the bundles (scripts/build.mjs): gov-report opens no
// network connection. vscode-jsonrpc requires `net` for its pipe and socket transports, which
// these bundles never use (the client starts the server over IPC, other editors over stdio);
// `--socket=N` goes through dist/loopback.js alone, to 127.0.0.1 (server/src/server/loopback.ts).
"use strict";
const refuse = (name) => () => {
  throw new Error(`gov-report opens no network connection (${name} is not available)`);
};
module.exports = new Proxy({}, { get: (_, name) => (typeof name === "string" && name !== "__esModule" && name !== "then" ? refuse(name) : undefined) });
