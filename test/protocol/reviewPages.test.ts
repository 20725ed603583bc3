import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, it } from "node:test";
import { REVIEW_PAGE_LIMIT, REVIEW_REQUEST, type ReviewPage } from "../../server/src/server/reviewProtocol";
import { tempDir } from "../helpers/cli";
import { reportText, Y2020, Y2021, Y2021_WRONG_CARRYOVER } from "../fixtures/cross-year/reports";
import { LspTestClient } from "./lspClient";
import { reviewPages } from "./reviewPages";

/**
 * The 年报检查 view's request a page at a time: every report once, in the
 * order of the URIs, and a report changed on disk checked again with the
 * other reports of its organ only.
 */

const ORGANS = ["甲县人民政府办公室", "乙县人民政府办公室", "丙县人民政府办公室"];

/** Two years of each organ, this year's carry-over figures disagreeing with last year's; and a note that is no report. */
function workspace(): { dir: string; uri: (name: string) => string } {
  const dir = tempDir();
  ORGANS.forEach((organ, i) => {
    writeFileSync(join(dir, `${i}-2020.txt`), reportText({ ...Y2020, organ }));
    writeFileSync(join(dir, `${i}-2021.txt`), reportText({ ...Y2021_WRONG_CARRYOVER, organ }));
  });
  writeFileSync(join(dir, "notes.md"), "# 会议纪要\n\n与年报无关。\n");
  return { dir, uri: (name) => pathToFileURL(join(dir, name)).href };
}

const names = ORGANS.flatMap((_, i) => [`${i}-2020.txt`, `${i}-2021.txt`]);

describe("the review request in pages", () => {
  it("lists every report exactly once across pages, in the order of their URIs, an open document as edited", async () => {
    const { dir, uri } = workspace();
    const client = await LspTestClient.start({ workspaceFolder: dir });
    // An open document that is saved nowhere is a report of the workspace too.
    const unsaved = pathToFileURL(join(dir, "draft.txt")).href;
    client.open(unsaved, reportText({ ...Y2021, organ: "丁县人民政府办公室" }));
    const expected = [...names.map(uri), unsaved].sort();

    for (const limit of [1, 2, 4, 100]) {
      const { reports, sizes } = await reviewPages(client, limit);
      assert.deepEqual(reports.map((r) => r.uri), expected, `limit ${limit}`);
      assert.ok(sizes.every((n) => n <= limit), `pages of ${sizes.join(", ")} with limit ${limit}`);
    }
    // Asked again, the same pages.
    assert.deepEqual(await reviewPages(client, 2), await reviewPages(client, 2));
  });

  it("a page without a limit, or with one beyond the largest, lists at most REVIEW_PAGE_LIMIT; odd parameters are ignored", async () => {
    const { dir } = workspace();
    const client = await LspTestClient.start({ workspaceFolder: dir });
    for (const params of [{}, null, { limit: 1e9 }, { limit: -3, after: 7 }, { limit: "2" }]) {
      const page = await client.request<ReviewPage>(REVIEW_REQUEST, params);
      assert.equal(page.reports.length, names.length, JSON.stringify(params));
      assert.equal(page.next, undefined);
    }
    assert.ok(names.length < REVIEW_PAGE_LIMIT);
  });

  it("a page after the last URI is empty and the last", async () => {
    const { dir, uri } = workspace();
    const client = await LspTestClient.start({ workspaceFolder: dir });
    const last = [...names.map(uri)].sort().at(-1)!;
    assert.deepEqual(await client.request<ReviewPage>(REVIEW_REQUEST, { after: last }), { reports: [] });
  });
});

describe("a saved report changed on disk", () => {
  it("checks again and publishes the reports of its organ only", async () => {
    const { dir, uri } = workspace();
    const client = await LspTestClient.start({ workspaceFolder: dir, settings: { workspaceCheck: true } });
    for (const name of names) await client.diagnostics(uri(name));
    await client.diagnostics(uri("0-2021.txt"), (p) => p.diagnostics.some((d) => d.code === "carryover-mismatch"));

    // Organ 甲's last year now agrees with this year's carry-over: its findings change, the others' cannot.
    const since = client.diagnosticsCount;
    writeFileSync(join(dir, "0-2020.txt"), reportText({ ...Y2020, organ: ORGANS[0], applications: { ...Y2020.applications, forward: Y2021_WRONG_CARRYOVER.applications.carried } }));
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uri("0-2020.txt"), type: 2 }] });
    await client.diagnostics(uri("0-2021.txt"), (p) => !p.diagnostics.some((d) => d.code === "carryover-mismatch"), since);
    await client.diagnostics(uri("0-2020.txt"), () => true, since);
    // The review request waits for the change to be applied: every publication it caused has been sent before its answer.
    await reviewPages(client);
    const republished = client.publishedWhere(() => true, since).map((p) => p.uri);
    assert.deepEqual([...new Set(republished)].sort(), [uri("0-2020.txt"), uri("0-2021.txt")]);
  });

  it("without an organ, is checked again too", async () => {
    const { dir, uri } = workspace();
    writeFileSync(join(dir, "unnamed.txt"), reportText({ ...Y2021, organ: "" }));
    const client = await LspTestClient.start({ workspaceFolder: dir, settings: { workspaceCheck: true } });
    await client.diagnostics(uri("unnamed.txt"));

    const since = client.diagnosticsCount;
    writeFileSync(join(dir, "unnamed.txt"), `${reportText({ ...Y2021, organ: "" })}\n本机关（××机关）负责。\n`);
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uri("unnamed.txt"), type: 2 }] });
    await client.diagnostics(uri("unnamed.txt"), (p) => p.diagnostics.some((d) => d.code === "template-placeholder"), since);
  });

  it("moved to another organ by an edit, its old and new organ's reports are checked again", async () => {
    const { dir, uri } = workspace();
    const client = await LspTestClient.start({ workspaceFolder: dir, settings: { workspaceCheck: true } });
    for (const name of names) await client.diagnostics(uri(name));

    // 甲's last year's report now names 乙: 甲's this year loses its predecessor, 乙's gains a second one of 2020.
    const since = client.diagnosticsCount;
    writeFileSync(join(dir, "0-2020.txt"), reportText({ ...Y2020, organ: ORGANS[1] }));
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uri("0-2020.txt"), type: 2 }] });
    await client.diagnostics(uri("0-2021.txt"), (p) => !p.diagnostics.some((d) => d.code === "carryover-mismatch"), since);
    await reviewPages(client);
    const republished = new Set(client.publishedWhere(() => true, since).map((p) => p.uri));
    assert.deepEqual([...republished].sort(), ["0-2020.txt", "0-2021.txt", "1-2020.txt", "1-2021.txt"].map(uri));
    const { reports } = await reviewPages(client);
    assert.equal(reports.find((r) => r.uri === uri("0-2020.txt"))?.organ, ORGANS[1]);
  });
});
