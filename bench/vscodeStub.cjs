"use strict";
/**
 * A stand-in for the `vscode` module, for the benchmark's activation figures
 * (bench/activation.cjs): enough of the API, answering as a fresh VS Code
 * window does, for dist/client.js to load, activate and run its language
 * client (vscode-languageclient) up to the server's first diagnostics.
 *
 * What the extension and the language client call is implemented with
 * sensible values: settings answer package.json's defaults, events are real
 * emitters (that nothing outside fires), providers and commands are
 * registered and disposable, the diagnostics a client sets land in a
 * collection that `languages.getDiagnostics` reads and that fires
 * `onDidChangeDiagnostics`. Anything else, however it is reached (esbuild
 * copies a module's own names into each importing module's namespace, and
 * looks up the missing ones on its prototype), is an "anything": a class one
 * can call, construct and extend, whose every member is another anything.
 * With GOV_REPORT_STUB_TRACE=1 each such member is logged to stderr the first
 * time it is reached. Bench-only: nothing of it ships.
 *
 * Why a stand-in and not the real editor: `npm run bench` runs on any machine
 * with the project's Node and its npm dependencies, in seconds. The only real
 * VS Code these machines can run is code-server (../shared/E2E.md), which
 * needs Node 24, a native build of minutes and a browser; its extension host
 * reports an activation time, but one that includes the workbench's own
 * start-up and the browser round trips, measured once per editor start —
 * too coarse and too slow to repeat for a median. The end-to-end run in
 * code-server checks that activation works; this stub times it.
 */
const { readFileSync } = require("node:fs");
const fsp = require("node:fs/promises");
const { join } = require("node:path");
const { pathToFileURL, fileURLToPath } = require("node:url");

const TRACE = process.env.GOV_REPORT_STUB_TRACE === "1";
const traced = new Set();
function trace(path) {
  if (TRACE && !traced.has(path)) {
    traced.add(path);
    process.stderr.write(`vscode stub: ${path}\n`);
  }
}

/** An anything: callable, constructible and extendable; each member (path.key) is an anything of its own, made once. */
function anything(path) {
  const target = { [path]: function () {} }[path];
  return new Proxy(target, {
    get(t, key) {
      if (key in t) return t[key];
      if (key === "then") return undefined; // not a promise
      if (key === Symbol.iterator) return function* () {};
      if (key === Symbol.toPrimitive) return () => "";
      if (typeof key === "symbol") return undefined;
      const member = anything(`${path}.${key}`);
      trace(`${path}.${key}`);
      t[key] = member;
      return member;
    },
    apply: () => anything(`${path}()`),
  });
}

/** A namespace: its own members, and an anything for whatever else is asked of it. */
function namespace(path, members) {
  return new Proxy(members, {
    get(t, key) {
      if (key in t || typeof key === "symbol" || key === "then") return t[key];
      trace(`${path}.${key}`);
      t[key] = anything(`${path}.${key}`);
      return t[key];
    },
  });
}

class Disposable {
  static from(...disposables) {
    return new Disposable(() => disposables.forEach((d) => d?.dispose?.()));
  }
  constructor(callOnDispose) {
    this._callOnDispose = callOnDispose;
  }
  dispose() {
    const f = this._callOnDispose;
    this._callOnDispose = undefined;
    f?.();
  }
}

class EventEmitter {
  constructor() {
    this._listeners = [];
    this.event = (listener, thisArgs, disposables) => {
      const entry = { listener, thisArgs };
      this._listeners.push(entry);
      const d = new Disposable(() => (this._listeners = this._listeners.filter((l) => l !== entry)));
      if (Array.isArray(disposables)) disposables.push(d);
      return d;
    };
  }
  fire(data) {
    for (const { listener, thisArgs } of [...this._listeners]) listener.call(thisArgs, data);
  }
  dispose() {
    this._listeners = [];
  }
}

/** An event nothing fires: VS Code's own, when the user does nothing. */
const quiet = () => new EventEmitter().event;

class CancellationError extends Error {
  constructor() {
    super("Canceled");
    this.name = "Canceled";
  }
}

class CancellationTokenSource {
  constructor() {
    const emitter = new EventEmitter();
    this._emitter = emitter;
    this.token = { isCancellationRequested: false, onCancellationRequested: emitter.event };
  }
  cancel() {
    if (this.token.isCancellationRequested) return;
    this.token.isCancellationRequested = true;
    this._emitter.fire(undefined);
  }
  dispose() {
    this._emitter.dispose();
  }
}

class Uri {
  constructor(scheme, authority, path, query, fragment) {
    this.scheme = scheme;
    this.authority = authority ?? "";
    this.path = path || "/";
    this.query = query ?? "";
    this.fragment = fragment ?? "";
  }
  static parse(value) {
    const m = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(value);
    if (!m) return new Uri("file", "", value);
    const dec = (s) => (s ? decodeURIComponent(s) : "");
    return new Uri(m[1], dec(m[2]), dec(m[3]), dec(m[4]), dec(m[5]));
  }
  static file(path) {
    return Uri.parse(pathToFileURL(path).href);
  }
  static from({ scheme, authority, path, query, fragment }) {
    return new Uri(scheme, authority, path, query, fragment);
  }
  static joinPath(base, ...segments) {
    return base.with({ path: join(base.path, ...segments) });
  }
  get fsPath() {
    return this.scheme === "file" ? fileURLToPath(`file://${this.path.split("/").map(encodeURIComponent).join("/")}`) : this.path;
  }
  with(change) {
    return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path, change.query ?? this.query, change.fragment ?? this.fragment);
  }
  toString() {
    const enc = (s) => encodeURIComponent(s).replace(/%2F/g, "/").replace(/%3A/g, ":");
    return `${this.scheme}:${this.authority || this.scheme === "file" ? `//${this.authority}` : ""}${enc(this.path)}${this.query ? `?${enc(this.query)}` : ""}${this.fragment ? `#${enc(this.fragment)}` : ""}`;
  }
  toJSON() {
    return { scheme: this.scheme, authority: this.authority, path: this.path, query: this.query, fragment: this.fragment };
  }
}

class Position {
  constructor(line, character) {
    this.line = line;
    this.character = character;
  }
  isBefore(o) {
    return this.line < o.line || (this.line === o.line && this.character < o.character);
  }
  isEqual(o) {
    return this.line === o.line && this.character === o.character;
  }
  translate(lineDelta = 0, characterDelta = 0) {
    return new Position(this.line + lineDelta, this.character + characterDelta);
  }
}

class Range {
  constructor(a, b, c, d) {
    const [start, end] = typeof a === "number" ? [new Position(a, b), new Position(c, d)] : [a, b];
    [this.start, this.end] = end.isBefore(start) ? [end, start] : [start, end];
  }
  get isEmpty() {
    return this.start.isEqual(this.end);
  }
  contains(p) {
    const s = p instanceof Range ? p.start : p;
    const e = p instanceof Range ? p.end : p;
    return !s.isBefore(this.start) && !this.end.isBefore(e);
  }
}

class Selection extends Range {
  constructor(anchor, active, c, d) {
    const [a, b] = typeof anchor === "number" ? [new Position(anchor, active), new Position(c, d)] : [anchor, active];
    super(a, b);
    this.anchor = a;
    this.active = b;
  }
}

class Location {
  constructor(uri, rangeOrPosition) {
    this.uri = uri;
    this.range = rangeOrPosition instanceof Position ? new Range(rangeOrPosition, rangeOrPosition) : rangeOrPosition;
  }
}

class Diagnostic {
  constructor(range, message, severity = 0) {
    this.range = range;
    this.message = message;
    this.severity = severity;
  }
}

class CodeActionKind {
  constructor(value) {
    this.value = value;
  }
  append(part) {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  intersects(other) {
    return this.contains(other) || other.contains(this);
  }
  contains(other) {
    return this.value === other.value || other.value.startsWith(`${this.value}.`) || this.value === "";
  }
}
for (const [name, value] of Object.entries({ Empty: "", QuickFix: "quickfix", Refactor: "refactor", RefactorExtract: "refactor.extract", RefactorInline: "refactor.inline", RefactorMove: "refactor.move", RefactorRewrite: "refactor.rewrite", Source: "source", SourceOrganizeImports: "source.organizeImports", SourceFixAll: "source.fixAll", Notebook: "notebook" })) {
  CodeActionKind[name] = new CodeActionKind(value);
}

/** Plain data classes: they keep their constructor's arguments under the API's names. */
const dataClass = (name, fields) =>
  ({
    [name]: class {
      constructor(...args) {
        fields.forEach((f, i) => {
          if (args[i] !== undefined) this[f] = args[i];
        });
      }
    },
  })[name];

const enums = {
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2, Three: 3 },
  LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
  ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  ExtensionKind: { UI: 1, Workspace: 2 },
  EndOfLine: { LF: 1, CRLF: 2 },
  NotebookCellKind: { Markup: 1, Code: 2 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  TextEditorRevealType: { Default: 0, InCenter: 1, InCenterIfOutsideViewport: 2, AtTop: 3 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  UIKind: { Desktop: 1, Web: 2 },
  FileType: { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 },
  TextDocumentSaveReason: { Manual: 1, AfterDelay: 2, FocusOut: 3 },
};

/** A text document as VS Code hands it to an extension. */
function textDocument(uri, languageId, text, version = 1) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  const offsetAt = (p) => Math.min(text.length, (starts[Math.min(p.line, starts.length - 1)] ?? text.length) + (p.line >= starts.length ? 0 : p.character));
  const positionAt = (offset) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    return new Position(line, offset - starts[line]);
  };
  const lineText = (line) => text.slice(starts[line], line + 1 < starts.length ? starts[line + 1] : text.length).replace(/\r?\n$|\r$/, "");
  return {
    uri,
    fileName: uri.fsPath,
    isUntitled: uri.scheme === "untitled",
    languageId,
    version,
    isDirty: false,
    isClosed: false,
    eol: text.includes("\r\n") ? enums.EndOfLine.CRLF : enums.EndOfLine.LF,
    encoding: "utf8",
    lineCount: starts.length,
    getText: (range) => (range ? text.slice(offsetAt(range.start), offsetAt(range.end)) : text),
    lineAt: (l) => {
      const line = typeof l === "number" ? l : l.line;
      const t = lineText(line);
      return { lineNumber: line, text: t, range: new Range(line, 0, line, t.length), isEmptyOrWhitespace: !t.trim(), firstNonWhitespaceCharacterIndex: t.length - t.trimStart().length };
    },
    offsetAt,
    positionAt,
    validatePosition: (p) => positionAt(offsetAt(p)),
    validateRange: (r) => new Range(positionAt(offsetAt(r.start)), positionAt(offsetAt(r.end))),
    getWordRangeAtPosition: () => undefined,
    save: async () => true,
  };
}

/** `contributes.configuration` of package.json as the nested object VS Code makes of its defaults. */
function configurationDefaults(packageJson) {
  const defaults = {};
  const sections = [].concat(packageJson.contributes?.configuration ?? []);
  for (const section of sections) {
    for (const [key, schema] of Object.entries(section.properties ?? {})) {
      if (!("default" in schema)) continue;
      const parts = key.split(".");
      let node = defaults;
      for (const p of parts.slice(0, -1)) node = node[p] ??= {};
      node[parts[parts.length - 1]] = schema.default;
    }
  }
  return defaults;
}

function configuration(defaults, section) {
  const root = section ? section.split(".").reduce((node, p) => node?.[p], defaults) : defaults;
  const lookup = (key) => key.split(".").reduce((node, p) => (node && typeof node === "object" ? node[p] : undefined), root);
  const config = {
    get: (key, dflt) => {
      const v = lookup(key);
      return v === undefined ? dflt : structuredClone(v);
    },
    has: (key) => lookup(key) !== undefined,
    inspect: (key) => ({ key: section ? `${section}.${key}` : key, defaultValue: lookup(key) }),
    update: async () => undefined,
  };
  // A configuration object also lists its section's values as properties (the language client reads them so).
  if (root && typeof root === "object") for (const [k, v] of Object.entries(root)) if (!(k in config)) config[k] = v;
  return config;
}

/** match(selector, document) as VS Code scores it: 10 for a language or scheme match, 0 for none (no glob patterns). */
function match(selector, document) {
  if (Array.isArray(selector)) return Math.max(0, ...selector.map((s) => match(s, document)));
  if (typeof selector === "string") return selector === "*" ? 5 : selector === document.languageId ? 10 : 0;
  if (!selector) return 0;
  if (selector.notebookType) return 0;
  if (selector.language && selector.language !== "*" && selector.language !== document.languageId) return 0;
  if (selector.scheme && selector.scheme !== "*" && selector.scheme !== document.uri.scheme) return 0;
  if (selector.pattern) return 0;
  return selector.language === "*" || selector.scheme === "*" ? 5 : 10;
}

/** The names the vscode module exports, as @types/vscode declares them (none if it is not installed). */
function apiNames(root) {
  let typings;
  try {
    typings = readFileSync(join(root, "node_modules", "@types", "vscode", "index.d.ts"), "utf8");
  } catch {
    return [];
  }
  return [...new Set([...typings.matchAll(/^\texport (?:class|enum|namespace|const|let|function) ([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]))];
}

/**
 * The `vscode` module for one run. `documents`: the text documents open in
 * the window (the first is the active editor's); `onDiagnostics(name, uri,
 * diagnostics)`: called when a diagnostic collection is set.
 */
function createVscode({ root, documents = [], onDiagnostics = () => {} }) {
  const packageJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const defaults = configurationDefaults(packageJson);
  const commands = new Map();
  const collections = new Set();
  const diagnosticsChanged = new EventEmitter();
  const opened = new EventEmitter();
  const closed = new EventEmitter();
  const disposable = () => new Disposable(() => {});
  const editors = documents.slice(0, 1).map((document) => ({
    document,
    selection: new Selection(0, 0, 0, 0),
    selections: [new Selection(0, 0, 0, 0)],
    visibleRanges: [new Range(0, 0, Math.min(document.lineCount, 40), 0)],
    options: { tabSize: 4, insertSpaces: true },
    viewColumn: 1,
    edit: async () => true,
    revealRange: () => undefined,
    setDecorations: () => undefined,
  }));
  const TabInputText = dataClass("TabInputText", ["uri"]);
  const tabs = editors.map((e) => ({ label: e.document.uri.path.split("/").pop(), input: new TabInputText(e.document.uri), isActive: true, isDirty: false, isPinned: false, isPreview: false }));
  const group = { tabs, isActive: true, viewColumn: 1, activeTab: tabs[0] };

  function createDiagnosticCollection(name = "") {
    const entries = new Map();
    const collection = {
      name,
      set(uriOrEntries, diagnostics) {
        const list = Array.isArray(uriOrEntries) ? uriOrEntries : [[uriOrEntries, diagnostics]];
        for (const [uri, ds] of list) {
          if (ds) entries.set(uri.toString(), { uri, ds: [...ds] });
          else entries.delete(uri.toString());
          onDiagnostics(name, uri, ds ?? []);
        }
        diagnosticsChanged.fire({ uris: list.map(([uri]) => uri) });
      },
      delete(uri) {
        entries.delete(uri.toString());
        diagnosticsChanged.fire({ uris: [uri] });
      },
      clear() {
        const uris = [...entries.values()].map((e) => e.uri);
        entries.clear();
        diagnosticsChanged.fire({ uris });
      },
      get: (uri) => entries.get(uri.toString())?.ds,
      has: (uri) => entries.has(uri.toString()),
      forEach(cb, thisArg) {
        for (const { uri, ds } of entries.values()) cb.call(thisArg, uri, ds, collection);
      },
      [Symbol.iterator]: function* () {
        for (const { uri, ds } of entries.values()) yield [uri, ds];
      },
      dispose() {
        entries.clear();
        collections.delete(entries);
      },
    };
    collections.add(entries);
    return collection;
  }

  function outputChannel(name) {
    const noop = () => undefined;
    return { name, logLevel: enums.LogLevel.Info, onDidChangeLogLevel: quiet(), append: noop, appendLine: noop, replace: noop, clear: noop, show: noop, hide: noop, dispose: noop, trace: noop, debug: noop, info: noop, warn: noop, error: noop };
  }

  const window = namespace("window", {
    activeTextEditor: editors[0],
    visibleTextEditors: editors,
    activeNotebookEditor: undefined,
    visibleNotebookEditors: [],
    activeTerminal: undefined,
    terminals: [],
    state: { focused: true, active: true },
    tabGroups: { all: [group], activeTabGroup: group, onDidChangeTabGroups: quiet(), onDidChangeTabs: quiet(), close: async () => true },
    onDidChangeActiveTextEditor: quiet(),
    onDidChangeVisibleTextEditors: quiet(),
    onDidChangeTextEditorSelection: quiet(),
    onDidChangeTextEditorVisibleRanges: quiet(),
    onDidChangeTextEditorOptions: quiet(),
    onDidChangeTextEditorViewColumn: quiet(),
    onDidChangeActiveNotebookEditor: quiet(),
    onDidChangeVisibleNotebookEditors: quiet(),
    onDidChangeWindowState: quiet(),
    onDidChangeActiveColorTheme: quiet(),
    activeColorTheme: { kind: 2 },
    createStatusBarItem: (id, alignment, priority) => ({ id, alignment, priority, name: undefined, text: "", tooltip: undefined, command: undefined, show() {}, hide() {}, dispose() {} }),
    createOutputChannel: outputChannel,
    createTreeView: (viewId) => ({
      viewId,
      visible: false,
      selection: [],
      onDidChangeVisibility: quiet(),
      onDidChangeSelection: quiet(),
      onDidExpandElement: quiet(),
      onDidCollapseElement: quiet(),
      onDidChangeCheckboxState: quiet(),
      reveal: async () => undefined,
      dispose() {},
    }),
    registerTreeDataProvider: disposable,
    registerWebviewPanelSerializer: disposable,
    registerWebviewViewProvider: disposable,
    registerCustomEditorProvider: disposable,
    registerUriHandler: disposable,
    createTextEditorDecorationType: () => ({ key: "decoration", dispose() {} }),
    showInformationMessage: async () => undefined,
    showWarningMessage: async () => undefined,
    showErrorMessage: async () => undefined,
    showQuickPick: async () => undefined,
    showInputBox: async () => undefined,
    showOpenDialog: async () => undefined,
    showSaveDialog: async () => undefined,
    showTextDocument: async (doc) => ({ document: doc }),
    withProgress: (_options, task) => task({ report() {} }, new CancellationTokenSource().token),
    setStatusBarMessage: disposable,
  });

  const workspace = namespace("workspace", {
    workspaceFolders: undefined,
    rootPath: undefined,
    name: undefined,
    workspaceFile: undefined,
    isTrusted: true,
    textDocuments: documents,
    notebookDocuments: [],
    getConfiguration: (section) => configuration(defaults, section),
    getWorkspaceFolder: () => undefined,
    asRelativePath: (p) => (typeof p === "string" ? p : p.fsPath),
    findFiles: async () => [],
    onDidOpenTextDocument: opened.event,
    onDidCloseTextDocument: closed.event,
    onDidChangeTextDocument: quiet(),
    onWillSaveTextDocument: quiet(),
    onDidSaveTextDocument: quiet(),
    onDidChangeConfiguration: quiet(),
    onDidChangeWorkspaceFolders: quiet(),
    onDidGrantWorkspaceTrust: quiet(),
    onDidOpenNotebookDocument: quiet(),
    onDidCloseNotebookDocument: quiet(),
    onDidChangeNotebookDocument: quiet(),
    onDidSaveNotebookDocument: quiet(),
    onWillSaveNotebookDocument: quiet(),
    onDidCreateFiles: quiet(),
    onDidDeleteFiles: quiet(),
    onDidRenameFiles: quiet(),
    onWillCreateFiles: quiet(),
    onWillDeleteFiles: quiet(),
    onWillRenameFiles: quiet(),
    registerTextDocumentContentProvider: disposable,
    registerFileSystemProvider: disposable,
    registerTaskProvider: disposable,
    createFileSystemWatcher: () => ({ ignoreCreateEvents: false, ignoreChangeEvents: false, ignoreDeleteEvents: false, onDidCreate: quiet(), onDidChange: quiet(), onDidDelete: quiet(), dispose() {} }),
    openTextDocument: async (what) => (what instanceof Uri ? textDocument(what, "plaintext", await fsp.readFile(what.fsPath, "utf8")) : textDocument(new Uri("untitled", "", "Untitled-1"), what?.language ?? "plaintext", what?.content ?? "")),
    applyEdit: async () => true,
    saveAll: async () => true,
    fs: namespace("workspace.fs", {
      readFile: async (uri) => new Uint8Array(await fsp.readFile(uri.fsPath)),
      writeFile: async (uri, bytes) => fsp.writeFile(uri.fsPath, bytes),
      stat: async (uri) => {
        const s = await fsp.stat(uri.fsPath);
        return { type: s.isDirectory() ? 2 : 1, ctime: s.ctimeMs, mtime: s.mtimeMs, size: s.size };
      },
    }),
  });

  const languages = namespace("languages", {
    match,
    createDiagnosticCollection,
    getDiagnostics(uri) {
      if (uri) return [...collections].flatMap((entries) => entries.get(uri.toString())?.ds ?? []);
      const all = new Map();
      for (const entries of collections) for (const { uri: u, ds } of entries.values()) all.set(u.toString(), [u, [...(all.get(u.toString())?.[1] ?? []), ...ds]]);
      return [...all.values()];
    },
    onDidChangeDiagnostics: diagnosticsChanged.event,
    getLanguages: async () => ["plaintext", "markdown", "gov-report"],
    setTextDocumentLanguage: async (doc, languageId) => {
      const changed = textDocument(doc.uri, languageId, doc.getText(), doc.version);
      closed.fire(doc);
      opened.fire(changed);
      return changed;
    },
    setLanguageConfiguration: disposable,
    createLanguageStatusItem: (id) => ({ id, text: "", dispose() {} }),
  });
  // Every register…Provider: registered, disposable, never called.
  const languagesProxy = new Proxy(languages, { get: (t, key) => (typeof key === "string" && /^register\w*Provider$/.test(key) ? disposable : t[key]) });

  const vscode = {
    version: "1.139.1",
    env: namespace("env", {
      appName: "Visual Studio Code",
      appRoot: root,
      appHost: "desktop",
      uriScheme: "vscode",
      language: "zh-cn",
      machineId: "bench",
      sessionId: "bench",
      remoteName: undefined,
      shell: "/bin/sh",
      uiKind: enums.UIKind.Desktop,
      isNewAppInstall: false,
      isTelemetryEnabled: false,
      onDidChangeTelemetryEnabled: quiet(),
      onDidChangeShell: quiet(),
      logLevel: enums.LogLevel.Info,
      onDidChangeLogLevel: quiet(),
      clipboard: { readText: async () => "", writeText: async () => undefined },
      openExternal: async () => true,
      asExternalUri: async (uri) => uri,
      createTelemetryLogger: () => ({ logUsage() {}, logError() {}, dispose() {}, onDidChangeEnableStates: quiet(), isUsageEnabled: false, isErrorsEnabled: false }),
    }),
    commands: namespace("commands", {
      registerCommand: (id, callback, thisArg) => {
        if (commands.has(id)) throw new Error(`command '${id}' already exists`);
        commands.set(id, callback.bind(thisArg));
        return new Disposable(() => commands.delete(id));
      },
      registerTextEditorCommand: (id, callback) => {
        commands.set(id, callback);
        return new Disposable(() => commands.delete(id));
      },
      executeCommand: async (id, ...args) => commands.get(id)?.(...args),
      getCommands: async () => [...commands.keys()],
    }),
    window,
    workspace,
    languages: languagesProxy,
    extensions: namespace("extensions", { all: [], getExtension: () => undefined, onDidChange: quiet() }),
    l10n: namespace("l10n", { t: (message, ...args) => (typeof message === "string" ? message : message.message).replace(/\{(\d+)\}/g, (_, i) => String(args[i])), bundle: undefined, uri: undefined }),
    Disposable,
    EventEmitter,
    CancellationError,
    CancellationTokenSource,
    Uri,
    Position,
    Range,
    Selection,
    Location,
    Diagnostic,
    DiagnosticRelatedInformation: dataClass("DiagnosticRelatedInformation", ["location", "message"]),
    TreeItem: dataClass("TreeItem", ["label", "collapsibleState"]),
    ThemeIcon: dataClass("ThemeIcon", ["id", "color"]),
    ThemeColor: dataClass("ThemeColor", ["id"]),
    MarkdownString: dataClass("MarkdownString", ["value", "supportThemeIcons"]),
    TextEdit: dataClass("TextEdit", ["range", "newText"]),
    CodeActionKind,
    CodeAction: dataClass("CodeAction", ["title", "kind"]),
    CodeLens: dataClass("CodeLens", ["range", "command"]),
    CompletionItem: dataClass("CompletionItem", ["label", "kind"]),
    CompletionList: dataClass("CompletionList", ["items", "isIncomplete"]),
    DocumentLink: dataClass("DocumentLink", ["range", "target"]),
    InlayHint: dataClass("InlayHint", ["position", "label", "kind"]),
    CallHierarchyItem: dataClass("CallHierarchyItem", ["kind", "name", "detail", "uri", "range", "selectionRange"]),
    TypeHierarchyItem: dataClass("TypeHierarchyItem", ["kind", "name", "detail", "uri", "range", "selectionRange"]),
    SymbolInformation: dataClass("SymbolInformation", ["name", "kind", "containerName", "location"]),
    TabInputText,
    TabInputTextDiff: dataClass("TabInputTextDiff", ["original", "modified"]),
    TabInputCustom: dataClass("TabInputCustom", ["uri", "viewType"]),
    TabInputNotebook: dataClass("TabInputNotebook", ["uri", "notebookType"]),
    ...enums,
  };

  // Whatever else the API declares (@types/vscode): an anything, made when first read. The module's own names are
  // what esbuild's and TypeScript's import helpers copy.
  for (const name of apiNames(root)) {
    if (name in vscode) continue;
    Object.defineProperty(vscode, name, {
      configurable: true,
      enumerable: true,
      get() {
        trace(`vscode.${name}`);
        const value = anything(`vscode.${name}`);
        Object.defineProperty(vscode, name, { value, configurable: true, enumerable: true, writable: true });
        return value;
      },
    });
  }
  // And whatever it does not declare (proposed API), from the module's prototype.
  const fallback = new Proxy(Object.create(null), {
    get: (t, key) => {
      if (typeof key === "symbol" || key === "then" || key === "__esModule") return undefined;
      trace(`vscode.${key}`);
      return (t[key] ??= anything(`vscode.${key}`));
    },
  });
  Object.setPrototypeOf(vscode, fallback);
  return { vscode, documents, textDocument, commands };
}

/** The ExtensionContext VS Code passes to activate: the extension installed at `root`, production mode, empty state. */
function extensionContext(vscode, root, storage) {
  const memento = () => {
    const values = new Map();
    return { keys: () => [...values.keys()], get: (k, d) => (values.has(k) ? values.get(k) : d), update: async (k, v) => void values.set(k, v), setKeysForSync() {} };
  };
  const packageJSON = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const extensionUri = vscode.Uri.file(root);
  const extension = { id: `${packageJSON.publisher}.${packageJSON.name}`, extensionUri, extensionPath: root, isActive: true, packageJSON, extensionKind: vscode.ExtensionKind.Workspace, exports: undefined, activate: async () => undefined };
  return {
    subscriptions: [],
    workspaceState: memento(),
    globalState: memento(),
    secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: quiet() },
    extensionUri,
    extensionPath: root,
    environmentVariableCollection: { persistent: true, description: undefined, replace() {}, append() {}, prepend() {}, get() {}, forEach() {}, delete() {}, clear() {}, getScoped() { return this; } },
    asAbsolutePath: (relative) => join(root, relative),
    storageUri: undefined,
    storagePath: undefined,
    globalStorageUri: vscode.Uri.file(join(storage, "global")),
    globalStoragePath: join(storage, "global"),
    logUri: vscode.Uri.file(join(storage, "log")),
    logPath: join(storage, "log"),
    extensionMode: vscode.ExtensionMode.Production,
    extension,
    languageModelAccessInformation: { onDidChange: quiet(), canSendRequest: () => undefined },
  };
}

module.exports = { createVscode, extensionContext, textDocument };
