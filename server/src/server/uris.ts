import { pathToFileURL } from "node:url";

/**
 * File URIs in one form, whoever wrote them: each path segment decoded and
 * encoded again as VS Code writes it — everything but letters, digits and
 * `-._~` percent-encoded, in upper case, a Windows drive letter in lower case
 * (`file:///c%3A/…`). Neovim encodes in lower case and Node's pathToFileURL
 * leaves `()!'` and the drive's colon as they are: compared as strings, one
 * file would be two. The VS Code client's URIs come out unchanged, so what it
 * receives names its documents as it does. Other schemes are left alone.
 */
export function normalUri(uri: string): string {
  if (!/^file:/i.test(uri)) return uri;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return uri;
  }
  const segments = url.pathname.split("/").map(reencode);
  const drive = /^([A-Za-z])%3A$/.exec(segments[1] ?? "");
  if (drive) segments[1] = `${drive[1].toLowerCase()}%3A`;
  return `file://${url.host}${segments.join("/")}`;
}

/** A local path's URI, in the normal form. */
export function fileUri(path: string): string {
  return normalUri(pathToFileURL(path).href);
}

function reencode(segment: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return segment; // a stray % is kept as written
  }
  return encodeURIComponent(decoded).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
