import { CodeLensRefreshRequest, InlayHintRefreshRequest, type ClientCapabilities, type Connection } from "vscode-languageserver/node";

/**
 * What the editor shows beside the text and only asks for again on an edit
 * or a scroll: inlay hints (govReport.inlayHints.enabled) and the balance
 * lenses (localized, gone when checking is off). After the settings or a
 * config file changed, the server asks the client to ask again — for the
 * kinds the client says it can refresh.
 */
export class ViewRefresher {
  private readonly requests: string[] = [];

  constructor(private readonly connection: Connection) {}

  readCapabilities(capabilities: ClientCapabilities): void {
    const workspace = capabilities.workspace;
    if (workspace?.inlayHint?.refreshSupport) this.requests.push(InlayHintRefreshRequest.method);
    if (workspace?.codeLens?.refreshSupport) this.requests.push(CodeLensRefreshRequest.method);
  }

  refresh(): void {
    for (const method of this.requests)
      this.connection.sendRequest(method).catch((err: unknown) => {
        // A client that fails a refresh still shows the old hints until the next edit; the server goes on.
        this.connection.console.error(`gov-report: ${method} failed: ${String(err)}`);
      });
  }
}
