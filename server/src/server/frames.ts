/**
 * Watches the framing of the messages the client sends (LSP base protocol:
 * headers, a blank line, Content-Length bytes of body). vscode-jsonrpc, which
 * reads the same bytes, reports a bad Content-Length and then waits forever
 * on the connection, and buffers whatever length a header announces, 4 GB
 * included. A frame it would wedge or buffer on is told to onMalformed, which
 * ends the connection. The watcher keeps no message: only the header being
 * read (at most MAX_HEADER_BYTES) and a count of body bytes still to come.
 */

/** The largest message accepted: a document of the maximum size V8 can hold as a string, JSON-escaped, fits. */
export const MAX_FRAME_BYTES = 256 * 1024 * 1024;
const MAX_HEADER_BYTES = 8 * 1024;
const HEADER_END = "\r\n\r\n";

export function watchFrames(input: NodeJS.ReadableStream, onMalformed: (reason: string) => void): void {
  let header = "";
  let body = 0;
  let failed = false;
  const fail = (reason: string) => {
    failed = true;
    onMalformed(reason);
  };
  input.on("data", (chunk: Buffer) => {
    let at = 0;
    while (!failed && at < chunk.length) {
      if (body > 0) {
        const taken = Math.min(body, chunk.length - at);
        body -= taken;
        at += taken;
        continue;
      }
      // Headers are ASCII: latin1 keeps one character per byte, so offsets in the string are offsets in the chunk.
      const piece = chunk.toString("latin1", at, Math.min(chunk.length, at + MAX_HEADER_BYTES));
      const end = (header + piece).indexOf(HEADER_END);
      if (end < 0) {
        header += piece;
        at += piece.length;
        if (header.length > MAX_HEADER_BYTES) fail(`header longer than ${MAX_HEADER_BYTES} bytes`);
        continue;
      }
      at += end + HEADER_END.length - header.length;
      const length = contentLength(header + piece.slice(0, end + HEADER_END.length - header.length));
      header = "";
      if (typeof length === "string") fail(length);
      else body = length;
    }
  });
}

/** The body length a header announces, or why it is not one this server reads. */
function contentLength(header: string): number | string {
  const field = /(?:^|\r\n)content-length:[ \t]*([^\r\n]*)/i.exec(header);
  if (!field) return "no Content-Length header";
  const value = field[1].trim();
  if (!/^\d{1,12}$/.test(value)) return `Content-Length is not a byte count: ${JSON.stringify(value.slice(0, 40))}`;
  const length = Number(value);
  if (length > MAX_FRAME_BYTES) return `Content-Length ${length} is over the limit of ${MAX_FRAME_BYTES} bytes`;
  return length;
}
