import { ErrorCodes, ResponseError, type Connection, type ShowDocumentParams, type WorkspaceEdit } from "vscode-languageserver/node";

/**
 * Commands the server runs for a client that cannot take what VS Code takes
 * (clientFeatures.ts): a quick fix's edit for a client without CodeAction
 * literals, and a rule's page or a range opened through window/showDocument
 * for a client without gov-report's own commands.
 */
export const APPLY_EDIT_COMMAND = "gov-report.applyEdit";
export const SHOW_DOCUMENT_COMMAND = "gov-report.showDocument";
export const SERVER_COMMANDS = [APPLY_EDIT_COMMAND, SHOW_DOCUMENT_COMMAND];

export function registerServerCommands(connection: Connection): void {
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    const [argument] = args ?? [];
    if (typeof argument !== "object" || argument === null) throw new ResponseError(ErrorCodes.InvalidParams, `invalid params: ${command} takes an object`);
    if (command === APPLY_EDIT_COMMAND) await connection.workspace.applyEdit(argument as WorkspaceEdit);
    else if (command === SHOW_DOCUMENT_COMMAND) await connection.window.showDocument(argument as ShowDocumentParams);
    else throw new ResponseError(ErrorCodes.InvalidParams, `unknown command: ${command}`);
    return null;
  });
}
