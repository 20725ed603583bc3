import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, type Connection } from "vscode-languageserver/node";
import { CAPABILITIES } from "./capabilities";
import type { Session } from "./session";
import { localeOfDisplayLanguage } from "../core";
import { ViewRefresher } from "./refresh";
import { readSettings } from "./settings";
import type { Validator } from "./validation";
import type { WorkspaceReports } from "./workspace";

const RC_FILE = ".govreportrc.json";

/**
 * Initialization and everything that changes the server's behaviour while it
 * runs: the client's settings and the workspace's `.govreportrc.json`.
 */
export function registerLifecycle(connection: Connection, session: Session, validator: Validator, workspace: WorkspaceReports): void {
  let pullsSettings = false;
  let registersWatchers = false;
  let registersConfiguration = false;
  const views = new ViewRefresher(connection);

  connection.onInitialize((params) => {
    session.clientLocale = localeOfDisplayLanguage(params.locale);
    session.folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    pullsSettings = params.capabilities.workspace?.configuration === true;
    registersWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    registersConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    views.readCapabilities(params.capabilities);
    return { capabilities: CAPABILITIES, serverInfo: { name: "gov-report" } };
  });

  connection.onInitialized(async () => {
    if (registersConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: "govReport" });
    if (registersWatchers) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${RC_FILE}` }, { globPattern: "**/*.{txt,md,markdown}" }] });
    await reloadSettings();
  });

  /** Pulled from the client when it can answer, else taken from the notification. */
  async function reloadSettings(pushed?: unknown): Promise<void> {
    try {
      const raw = pullsSettings ? await connection.workspace.getConfiguration("govReport") : pushed;
      if (raw === undefined && !pullsSettings) return;
      session.settings = readSettings(raw);
      recheck();
    } catch (err) {
      // A client that fails to answer keeps the settings as they were; it must not stop the server.
      connection.console.error(`gov-report: reading the settings failed: ${String(err)}`);
    }
  }

  connection.onDidChangeConfiguration(({ settings }) => reloadSettings((settings as { govReport?: unknown } | undefined)?.govReport));

  connection.onDidChangeWatchedFiles(({ changes }) => {
    workspace.filesChanged(changes);
    if (!changes.some((c) => c.uri.endsWith(`/${RC_FILE}`))) return;
    session.rc.reload();
    recheck();
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
