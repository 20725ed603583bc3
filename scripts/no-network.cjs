// Stands in for Node's network modules in the bundles (scripts/build.mjs): gov-report opens no
// network connection. vscode-jsonrpc requires `net` for its pipe and socket transports, which
// gov-report never uses (the client starts the server over IPC, tests over stdio); were one
// used, it fails here instead of opening a socket.
"use strict";
const refuse = (name) => () => {
  throw new Error(`gov-report opens no network connection (${name} is not available)`);
};
module.exports = new Proxy({}, { get: (_, name) => (typeof name === "string" && name !== "__esModule" && name !== "then" ? refuse(name) : undefined) });
