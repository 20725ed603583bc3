import { connect, type Socket } from "node:net";

/**
 * The one network connection gov-report can make: `--socket=N`, to the
 * editor that started the server and listens on port N of this machine.
 * The host is the loopback address and nothing else, so no byte leaves the
 * computer. This module is a bundle of its own (dist/loopback.js, built
 * without the no-network stand-in of scripts/build.mjs) that the server
 * loads only for that transport; every other bundle keeps the guarantee of
 * test/reliability/security.test.ts.
 */
export const LOOPBACK_HOST = "127.0.0.1";

export function connectLoopback(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: LOOPBACK_HOST, port }, () => {
      socket.off("error", reject);
      resolve(socket);
    });
    socket.once("error", reject);
  });
}
