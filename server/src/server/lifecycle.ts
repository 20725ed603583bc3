import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, type Connection } from "vscode-languageserver/node";
import { CAPABILITIES, PULL_DIAGNOSTICS } from "./capabilities";
import { readClientFeatures } from "./clientFeatures";
import type { Session } from "./session";
import { localeOfDisplayLanguage } from "../core";
import { ViewRefresher } from "./refresh";
import { ScopedSettings } from "./scopedSettings";
import { readSettings, type Settings } from "./settings";
import type { Validator } from "./validation";
import type { WorkspaceReports } from "./workspace";
import { REVIEW_FILE } from "../node/review";

const RC_FILE = ".govreportrc.json";

/**
 * Initialization and everything that changes the server's behaviour while it
 * runs: the client's settings, the workspace's `.govreportrc.json` and the
 * review files beside the reports (`.govreport-review.json`).
 */
export function registerLifecycle(connection: Connection, session: Session, validator: Validator, workspace: WorkspaceReports): void {
  let pullsSettings = false;
  let registersWatchers = false;
  let registersConfiguration = false;
  const views = new ViewRefresher(connection);
  const scoped = new ScopedSettings(() => session.settings);
  session.settingsOf = (uri) => scoped.of(uri);
  /** Counts the settings reads: a document's answer that arrives after a newer full read is dropped. */
  let generation = 0;

  connection.onInitialize((params) => {
    session.clientLocale = localeOfDisplayLanguage(params.locale);
    session.client = readClientFeatures(params);
    session.folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    pullsSettings = params.capabilities.workspace?.configuration === true;
    registersWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    registersConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    views.readCapabilities(params.capabilities);
    return { capabilities: session.client.pullsDiagnostics ? PULL_DIAGNOSTICS : CAPABILITIES, serverInfo: { name: "gov-report" } };
  });

  connection.onInitialized(async () => {
    if (registersConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: "govReport" });
    if (registersWatchers) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${RC_FILE}` }, { globPattern: `**/${REVIEW_FILE}` }, { globPattern: "**/*.{txt,md,markdown,docx}" }] });
    await reloadSettings();
  });

  /**
   * Pulled from the client when it can answer — the window's settings, each
   * workspace folder's and each open document's, in one request — else taken
   * from the notification.
   */
  async function reloadSettings(pushed?: unknown): Promise<void> {
    try {
      if (!pullsSettings) {
        if (pushed === undefined) return;
        session.settings = readSettings(pushed);
      } else {
        const read = ++generation;
        const folders = session.folders;
        const documents = session.documents.all().map((d) => d.uri);
        const scopes = [...folders, ...documents].map((scopeUri) => ({ scopeUri, section: "govReport" }));
        const raw: unknown[] = await connection.workspace.getConfiguration([{ section: "govReport" }, ...scopes]);
        if (read !== generation) return;
        session.settings = readSettings(raw[0]);
        const scopedOf = (uris: string[], offset: number) => new Map<string, Settings>(uris.map((u, i) => [u, readSettings(raw[offset + i])]));
        scoped.replace(scopedOf(folders, 1), scopedOf(documents, 1 + folders.length));
      }
      recheck();
    } catch (err) {
      // A client that fails to answer keeps the settings as they were; it must not stop the server.
      connection.console.error(`gov-report: reading the settings failed: ${String(err)}`);
    }
  }

  /** A document opened: its own settings (a resource's) are asked for; it is checked again if they differ from its folder's. */
  session.documents.onDidOpen(async ({ document }) => {
    if (!pullsSettings) return;
    const read = generation;
    try {
      const [raw]: unknown[] = await connection.workspace.getConfiguration([{ scopeUri: document.uri, section: "govReport" }]);
      if (read !== generation || !session.documents.get(document.uri)) return;
      if (!scoped.setDocument(document.uri, readSettings(raw))) return;
      session.invalidate(document.uri);
      validator.schedule(document.uri, 0);
    } catch (err) {
      connection.console.error(`gov-report: reading the settings of ${document.uri} failed: ${String(err)}`);
    }
  });
  session.documents.onDidClose(({ document }) => scoped.forget(document.uri));

  connection.onDidChangeConfiguration(({ settings }) => reloadSettings((settings as { govReport?: unknown } | undefined)?.govReport));

  connection.onDidChangeWatchedFiles(({ changes }) => {
    workspace.filesChanged(changes);
    const changed = (name: string) => changes.some((c) => c.uri.endsWith(`/${name}`));
    const rc = changed(RC_FILE);
    const review = changed(REVIEW_FILE);
    if (rc) session.rc.reload();
    if (review) session.reviews.reload();
    if (rc || review) recheck();
  });

  /** The settings or a config file changed: every finding, message and hint may have. */
  function recheck(): void {
    session.invalidate();
    validator.scheduleAll();
    workspace.settingsChanged();
    views.refresh();
  }

  connection.onShutdown(() => validator.dispose());
}
