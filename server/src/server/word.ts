import { fileURLToPath } from "node:url";
import { ErrorCodes, ResponseError, type Connection } from "vscode-languageserver/node";
import { checkModel, parse, pick, type Finding, type Locale } from "../core";
import { describeWordLocation } from "../docx/locations";
import { loadDocx } from "../docx/lazy";
import { FileProblem, readRegularFile } from "../node/files";
import type { Session } from "./session";
import {
  CHECK_WORD_REQUEST,
  EXPORT_WORD_REQUEST,
  IMPORT_WORD_REQUEST,
  type CheckWordParams,
  type CheckWordResult,
  type ExportWordParams,
  type ExportWordResult,
  type ImportWordParams,
  type ImportWordResult,
  type WordSource,
} from "./wordProtocol";
import type { WorkspaceReports } from "./workspace";

/** Untitled drafts take the first workspace folder's .govreportrc.json and the session's locale. */
const UNTITLED = "untitled:word";

/** Word in, Word out for the client's commands: a few lines each over server/src/docx and the core. */
export function registerWordRequests(connection: Connection, session: Session, workspace: WorkspaceReports): void {
  connection.onRequest(IMPORT_WORD_REQUEST, (params: ImportWordParams) =>
    refusingNonWord(session, params.uri, async (): Promise<ImportWordResult> => {
      const { importDocx } = await loadDocx();
      const { text } = await importDocx(await wordBytes(params));
      return { text };
    }),
  );

  connection.onRequest(CHECK_WORD_REQUEST, (params: CheckWordParams) =>
    refusingNonWord(session, params.uri, async (): Promise<CheckWordResult> => {
      const { importDocx } = await loadDocx();
      const draft = await importDocx(await wordBytes(params));
      const uri = params.uri ?? UNTITLED;
      const locale = session.locale(uri);
      const model = parse(draft.text);
      await workspace.scan();
      const findings = checkModel(model, { config: session.config(uri), previous: workspace.previousFor(uri, model), review: session.reviews.forDocument(uri) });
      return {
        text: draft.text,
        findings: findings.map((f) => {
          const place = draft.locate(f.range.start);
          const location = place && pick(describeWordLocation(place), locale);
          const message = pick(f.message, locale);
          return { rule: f.rule, severity: f.severity, message: location ? `${location}：${message}` : message, location, range: f.range };
        }),
      };
    }),
  );

  connection.onRequest(EXPORT_WORD_REQUEST, async ({ text, uri = UNTITLED, force }: ExportWordParams): Promise<ExportWordResult> => {
    const locale = session.locale(uri);
    const model = parse(text);
    await workspace.scan();
    const { exportDocx } = await loadDocx();
    const result = await exportDocx(text, { force, config: session.config(uri), previous: workspace.previousFor(uri, model) });
    if (!result.exported) return { exported: false, errors: result.errors.map((f) => localizedFinding(f, locale)) };
    const count = (severity: string) => result.findings.filter((f) => f.severity === severity).length;
    return { exported: true, data: Buffer.from(result.docx).toString("base64"), organ: model.organ, year: model.year?.value, errors: count("error"), warnings: count("warning") };
  });
}

function localizedFinding(f: Finding, locale: Locale) {
  return { rule: f.rule, severity: f.severity, message: pick(f.message, locale), range: f.range };
}

/** The .docx's bytes: sent by the client, or read from a file: URI (a regular file of bounded size: never a FIFO or /dev/zero). */
async function wordBytes({ data, uri }: WordSource): Promise<Uint8Array> {
  if (data !== undefined) return Buffer.from(data, "base64");
  if (uri?.startsWith("file:")) {
    const path = fileURLToPath(uri);
    try {
      return readRegularFile(path).data;
    } catch (e) {
      const why = e instanceof FileProblem ? e.message : ((e as NodeJS.ErrnoException).code ?? "error");
      throw new ResponseError(NOT_WORD_ERROR, `${path}: ${why}`);
    }
  }
  throw new ResponseError(ErrorCodes.InvalidParams, "gov-report: the request names no .docx (data, or a file: uri)");
}

/** A file that is not a Word document: the client shows the message as it is. */
const NOT_WORD_ERROR = -32001;

/** A DocxError (not a Word document, a broken archive) as an error response in the session's locale. */
async function refusingNonWord<T>(session: Session, uri: string | undefined, answer: () => Promise<T>): Promise<T> {
  try {
    return await answer();
  } catch (e) {
    // A DocxError comes from the loaded Word side: its class is the one to test against.
    if (e instanceof (await loadDocx()).DocxError) throw new ResponseError(NOT_WORD_ERROR, pick(e.reason, session.locale(uri ?? UNTITLED)));
    throw e;
  }
}
