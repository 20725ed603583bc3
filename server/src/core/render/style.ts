/**
 * Styles of the rendered report, shared by the editor's preview and the CLI's
 * review page. VS Code theme variables where a webview has them, plain
 * colours elsewhere.
 */
export const REPORT_CSS = `
.gr-report { font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", serif; line-height: 1.8; max-width: 60em; margin: 0 auto; color: var(--vscode-editor-foreground, #1b1b1b); }
.gr-report h1.gr-title { font-size: 1.5em; text-align: center; }
.gr-report h2.gr-heading { font-size: 1.15em; margin: 1.2em 0 0.4em; }
.gr-report p { margin: 0.3em 0; text-indent: 2em; }
.gr-report p.gr-subheading { font-weight: bold; }
.gr-table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.9em; }
.gr-table caption { text-align: left; font-weight: bold; padding: 0.2em 0; }
.gr-table th, .gr-table td { border: 1px solid var(--vscode-editorWidget-border, #888); padding: 0.2em 0.5em; }
.gr-table th { font-weight: normal; background: var(--vscode-editorWidget-background, #f3f3f3); }
.gr-table th[scope="row"] { text-align: left; min-width: 7em; }
.gr-table th[scope="rowgroup"] { min-width: 4em; }
.gr-table td { text-align: right; min-width: 2.5em; }
.gr-table td.gr-unplaced { font-style: italic; }
.gr-finding { outline: 2px solid var(--gr-outline); outline-offset: -2px; cursor: help; }
.gr-error { --gr-outline: var(--vscode-editorError-foreground, #d32f2f); }
.gr-warning { --gr-outline: var(--vscode-editorWarning-foreground, #e0a000); }
.gr-info, .gr-hint { --gr-outline: var(--vscode-editorInfo-foreground, #1a73e8); }
.gr-current { background: var(--vscode-editor-lineHighlightBackground, rgba(128, 128, 128, 0.15)); }
.gr-other-findings { margin-top: 1.5em; font-size: 0.9em; }
`;
