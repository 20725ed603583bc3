import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it, type TestContext } from "node:test";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { Connection, PublishDiagnosticsParams, TextDocuments } from "vscode-languageserver/node";
import { balanceLenses, checkModel, documentSymbols, foldingRanges, hoverAt, parse, quickFixes, type ReportModel } from "../../server/src/core";
import { BackgroundChecker } from "../../server/src/server/background";
import { toDiagnostic, toDocumentSymbol, toReviewFinding } from "../../server/src/server/convert";
import { RECENT_DOCUMENTS, Session } from "../../server/src/server/session";
import { Validator } from "../../server/src/server/validation";
import { WorkspaceReports } from "../../server/src/server/workspace";
import { ORGAN, reportText, Y2020, Y2021, Y2021_WRONG_CARRYOVER } from "../fixtures/cross-year/reports";

/**
 * One parsed model per document version, and nothing kept of a closed
 * document: the server's session, validator and check worker in process
 * (the worker is the built bundle, dist/server.js, as in the server), with
 * the parse counters they keep for this purpose. Assertions are on counts
 * and outcomes, none on time.
 */

const BUNDLE = join(import.meta.dirname, "..", "..", "dist", "server.js");

/** The open documents, as vscode-languageserver's TextDocuments keeps them. */
class Documents {
  private readonly docs = new Map<string, TextDocument>();
  get = (uri: string) => this.docs.get(uri);
  all = () => [...this.docs.values()];
  open(uri: string, text: string): TextDocument {
    const doc = TextDocument.create(uri, "gov-report", 1, text);
    this.docs.set(uri, doc);
    return doc;
  }
  /** One keystroke at the start of a line, as an incremental change (the document object stays, as in the server). */
  type(uri: string, line: number, text = "年"): TextDocument {
    const doc = this.docs.get(uri)!;
    const at = { line, character: 0 };
    return TextDocument.update(doc, [{ range: { start: at, end: at }, text }], doc.version + 1);
  }
  close(uri: string): void {
    this.docs.delete(uri);
  }
}

/** The connection the validator and the workspace talk to: diagnostics recorded, waited for by version. */
class Published {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly errors: string[] = [];
  private waiters: (() => void)[] = [];
  readonly connection = {
    sendDiagnostics: async (p: PublishDiagnosticsParams) => {
      this.diagnostics.push(p);
      this.waiters.splice(0).forEach((w) => w());
    },
    sendNotification: async () => undefined,
    console: { error: (m: string) => this.errors.push(m) },
  } as unknown as Connection;

  /** The diagnostics of a version, among those published after the first `since`. */
  async of(uri: string, version: number, since = 0): Promise<PublishDiagnosticsParams> {
    for (;;) {
      const found = this.diagnostics.slice(since).find((p) => p.uri === uri && p.version === version);
      if (found) return found;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
}

function server(t: TestContext) {
  const documents = new Documents();
  const published = new Published();
  const background = new BackgroundChecker(BUNDLE, (m) => published.errors.push(m));
  const session = new Session(documents as unknown as TextDocuments<TextDocument>, () => undefined, background);
  const validator = new Validator(published.connection, session, background);
  t.after(() => validator.dispose());
  return { documents, published, background, session, validator };
}

/** A 2021 report of the cross-year fixtures whose overview runs to more than 100,000 characters (a long document). */
function longReport(spec = Y2021_WRONG_CARRYOVER): string {
  const paragraph = "本办围绕年度重点任务，持续完善政务公开工作机制，及时更新公开目录，规范答复流程，提升公开质量。";
  return reportText({ ...spec, overview: Array.from({ length: 2_500 }, () => paragraph).join("\n") });
}

const locale = "zh-cn";

describe("one model per document version", () => {
  it("a long document's version is parsed once, in the check worker, for its diagnostics and every feature, and never on the main thread", async (t) => {
    const { documents, published, background, session, validator } = server(t);
    const uri = "file:///w/long-2021.govreport";
    const doc = documents.open(uri, longReport());
    assert.ok(doc.getText().length >= 100_000);
    validator.schedule(uri, 0);
    await published.of(uri, 1);

    // An edit; the editor's requests arrive before the (debounced) check of the new version starts.
    documents.type(uri, 3);
    const position = { line: 0, character: 2 };
    const answers = await Promise.all([
      session.ask(uri, "symbols", { locale }),
      session.ask(uri, "folding", undefined),
      session.ask(uri, "inlayHints", { fromLine: 0, toLine: doc.lineCount }),
      session.ask(uri, "lenses", { locale }),
      session.ask(uri, "hover", { position, locale }),
      session.ask(uri, "completion", { position, locale, layout: "tabs" }),
    ]);
    validator.schedule(uri, 0);
    const diagnostics = await published.of(uri, 2);

    const model = parse(doc.getText());
    // Symbols as the client gets them: they cross from the worker packed, and a symbol without a detail comes back with `detail: undefined`.
    assert.deepEqual(answers[0]?.map(toDocumentSymbol), documentSymbols(model, locale).map(toDocumentSymbol));
    assert.deepEqual(answers[1], foldingRanges(model));
    assert.deepEqual(answers[3], balanceLenses(model, locale));
    assert.deepEqual(answers[4], hoverAt(model, position, locale) ?? null);
    assert.equal(diagnostics.diagnostics.length, checkModel(model).length);
    assert.deepEqual(await background.stats(), { running: true, parses: 2, documents: [uri] }, "versions 1 and 2, once each");
    assert.equal(session.parses, 0, "nothing parsed on the main thread");
    // Code actions too, from the worker's model and findings of the version checked.
    const range = { start: position, end: position };
    assert.deepEqual(await session.ask(uri, "codeActions", { range, locale, quickFixes: true }), quickFixes(doc.getText(), checkModel(model), range, locale));
    assert.equal((await background.stats()).parses, 2, "still versions 1 and 2, once each");
  });

  it("a short document's version is parsed once on the main thread, also when another document's check looks it up as last year's report", async (t) => {
    const { documents, published, session, validator } = server(t);
    const workspace = new WorkspaceReports(published.connection, session, () => undefined);
    session.previousOf = (uri, model) => workspace.previousFor(uri, model);
    const lastYear = "file:///w/2020.govreport";
    const thisYear = "file:///w/2021.govreport";
    documents.open(lastYear, reportText(Y2020));
    documents.open(thisYear, reportText(Y2021_WRONG_CARRYOVER));
    validator.schedule(thisYear, 0);
    validator.schedule(lastYear, 0);
    const checked = await published.of(thisYear, 1);
    await published.of(lastYear, 1);
    await session.ask(lastYear, "symbols", { locale });
    await session.ask(thisYear, "hover", { position: { line: 0, character: 1 }, locale });

    assert.ok(checked.diagnostics.some((d) => d.code === "carryover-mismatch"), "last year's report was found among the open documents");
    assert.equal(session.parses, 2, "each document once");
    documents.type(lastYear, 2);
    validator.schedule(lastYear, 0);
    await published.of(lastYear, 2);
    assert.equal(session.parses, 3, "the edited one once more");
  });

  it("a check whose document changes while it is parsed stops there, and one that is stale before it starts is dropped unparsed", async (t) => {
    const { background } = server(t);
    const text = longReport(Y2021);
    const job = { uri: "file:///w/superseded.govreport", version: 1, text, ownLanguage: true, acceptedCheck: () => undefined, expectedIdentity: () => undefined };
    let asked = 0;
    const notChecked = { previous: () => assert.fail("not checked"), config: () => assert.fail("not checked"), locale: () => assert.fail("not checked") };
    const superseded = await background.check({ ...job, ...notChecked, stale: () => asked++ > 0 });
    assert.deepEqual(superseded, { kind: "superseded" });
    const dropped = await background.check({ ...job, ...notChecked, version: 2, stale: () => true });
    assert.deepEqual(dropped, { kind: "superseded" });
    assert.equal((await background.stats()).parses, 1, "only the first was parsed");
  });

  it("last year's report is sent to the worker once and named by its id after; the check goes with the parse when the draft names the organ and year expected; the findings are an inline check's either way", async (t) => {
    const { background } = server(t);
    const previous: ReportModel = parse(reportText(Y2020));
    const text = longReport();
    const model = parse(text);
    const findings = checkModel(model, { previous }).map((f) => toReviewFinding(f, locale));
    assert.ok(findings.some((f) => f.rule === "carryover-mismatch"));
    const identity = { organ: model.organ, year: model.year };
    // Two exchanges (parsed, then check) ask a second time whether the document has moved on, between the parse and the check.
    // The first proposal, which does not hold, carries last year's report: the check after it only names it.
    const cases = [
      { expected: { ...identity, organ: "另一区人民政府" }, exchanges: 2 },
      { expected: undefined, exchanges: 2 },
      { expected: identity, exchanges: 1 },
    ];
    for (const [i, { expected, exchanges }] of cases.entries()) {
      let asked = 0;
      const result = await background.check({
        uri: "file:///w/previous.govreport",
        version: i + 1,
        text,
        ownLanguage: true,
        stale: () => (asked++, false),
        acceptedCheck: () => undefined,
        expectedIdentity: () => expected,
        previous: () => previous,
        config: () => ({ rules: {} }),
        locale: () => locale,
      });
      assert.deepEqual(result.kind === "report" && result.findings, findings, `version ${i + 1}`);
      assert.equal(asked, exchanges, `version ${i + 1}`);
    }
  });
});

describe("a long document's check", () => {
  it("goes with the parse while the draft names the organ and year of its latest check, and finds last year's report in the workspace either way", async (t) => {
    const { documents, published, session, validator } = server(t);
    const workspace = new WorkspaceReports(published.connection, session, () => undefined);
    const asked: (string | undefined)[] = [];
    session.previousOf = (uri, identity) => (asked.push(identity.organ), workspace.previousFor(uri, identity));
    const lastYear = parse(documents.open("file:///w/2020.govreport", reportText(Y2020)).getText());
    const uri = "file:///w/long-2021.govreport";
    const doc = documents.open(uri, longReport());
    const inline = (previous?: ReportModel) => checkModel(parse(doc.getText()), { previous }).map((f) => toDiagnostic(f, locale));
    const checked = async () => {
      asked.length = 0;
      validator.schedule(uri, 0);
      return (await published.of(uri, doc.version)).diagnostics;
    };

    // The first check in two exchanges; the next, the draft still naming its organ and year, proposed with the parse for them.
    assert.deepEqual(await checked(), inline(lastYear));
    assert.deepEqual(asked, [ORGAN]);
    documents.type(uri, 3);
    assert.deepEqual(await checked(), inline(lastYear));
    assert.deepEqual(asked, [ORGAN]);
    assert.ok(inline(lastYear).some((d) => d.code === "carryover-mismatch"));
    // Another organ in the title: the proposal does not hold, the check goes on in two exchanges with the organ named, which has no report last year.
    documents.type(uri, 0, "某");
    assert.deepEqual(await checked(), inline());
    assert.deepEqual(asked, [ORGAN, `某${ORGAN}`]);
  });
});

describe("many short documents open", () => {
  it("only the recent ones are kept whole; the others' findings in the view and their features are those of a fresh check, their models made again only for a feature", async (t) => {
    const { documents, published, session, validator } = server(t);
    const workspace = new WorkspaceReports(published.connection, session, () => undefined);
    session.previousOf = (uri, model) => workspace.previousFor(uri, model);
    // Pairs of organs' 2020 and 2021 reports, the 2021 one's carry-over contradicting last year's.
    const organs = Array.from({ length: RECENT_DOCUMENTS * 2 }, (_, i) => `${ORGAN}${i}`);
    const uriOf = (organ: string, year: number) => `file:///w/${organ}-${year}.govreport`;
    for (const organ of organs) {
      documents.open(uriOf(organ, 2020), reportText({ ...Y2020, organ }));
      documents.open(uriOf(organ, 2021), reportText({ ...Y2021_WRONG_CARRYOVER, organ }));
    }
    for (const doc of documents.all()) validator.schedule(doc.uri, 0);
    await Promise.all(documents.all().map((doc) => published.of(doc.uri, 1)));
    assert.ok(session.wholeModels() <= RECENT_DOCUMENTS, `${session.wholeModels()} models kept`);
    assert.equal(session.kept(), documents.all().length);

    const first = uriOf(organs[0], 2021);
    const text = documents.get(first)!.getText();
    const previous = parse(reportText({ ...Y2020, organ: organs[0] }));
    const fresh = checkModel(parse(text), { previous });
    assert.ok(fresh.some((f) => f.rule === "carryover-mismatch"));
    const parses = session.parses;
    assert.deepEqual(
      session.openReport(first)?.findings,
      fresh.map((f) => toReviewFinding(f, locale)),
    );
    assert.equal(session.parses, parses, "the view's findings are kept");
    const position = { line: text.split("\n").findIndex((l) => /\t\d/.test(l)), character: 3 };
    const hover = await session.ask(first, "hover", { position, locale });
    assert.ok(hover);
    assert.deepEqual(hover, hoverAt(parse(text), position, locale));
    const range = { start: { line: 0, character: 0 }, end: { line: text.split("\n").length, character: 0 } };
    assert.deepEqual(await session.ask(first, "codeActions", { range, locale, quickFixes: true }), quickFixes(text, fresh, range, locale));
    assert.ok(session.parses > parses, "parsed again for the features");
  });
});

describe("nothing kept of a closed document", () => {
  it("its model, analysis and findings go, in the session and in the check worker, which stops when it keeps no document", async (t) => {
    const { documents, published, background, session, validator } = server(t);
    const long = "file:///w/closed-long.govreport";
    const short = "file:///w/closed-short.govreport";
    documents.open(long, longReport());
    documents.open(short, reportText(Y2021));
    validator.schedule(long, 0);
    validator.schedule(short, 0);
    await Promise.all([published.of(long, 1), published.of(short, 1)]);
    await session.ask(long, "symbols", { locale });
    assert.equal(session.kept(), 2);
    assert.deepEqual((await background.stats()).documents, [long]);

    for (const uri of [long, short]) {
      documents.close(uri);
      session.forget(uri);
      validator.clear(uri);
    }
    assert.equal(session.kept(), 0);
    assert.deepEqual(await background.stats(), { running: false, parses: 0, documents: [] });

    // Opened again, the long document is checked by a new worker.
    const since = published.diagnostics.length;
    documents.open(long, longReport());
    validator.schedule(long, 0);
    await published.of(long, 1, since);
    assert.deepEqual(await background.stats(), { running: true, parses: 1, documents: [long] });
  });
});
