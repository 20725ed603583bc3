// The VS Code workbench in Chromium, driven the way a person uses it: keyboard shortcuts, the
// command palette, Quick Open, the Problems panel. Every step waits for what it expects to see.
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import type { CodeServer } from "./codeServer";
import { chromiumPath } from "./paths";
import { waitUntil } from "./wait";

/** What "generous" means here: two shared cores, a language server starting cold. */
export const uiTimeoutMs = 60_000;

export async function launchBrowser(xdgHome: string): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    // Chromium writes crash reports under the config home; keep them in the run's folder.
    env: { ...process.env, HOME: xdgHome, XDG_CONFIG_HOME: xdgHome },
  });
}

export type Payload = [string, string][];

/** Waits for `locator` to be visible; fails saying what was expected on screen. */
export async function see(locator: Locator, what: string, timeoutMs = uiTimeoutMs): Promise<Locator> {
  try {
    await locator.first().waitFor({ state: "visible", timeout: timeoutMs });
    return locator.first();
  } catch {
    throw new Error(`did not see ${what} within ${timeoutMs / 1000} s`);
  }
}

/** Waits until nothing matches `locator` any more; fails saying what should have gone. */
export async function seeGone(locator: Locator, what: string, timeoutMs = uiTimeoutMs): Promise<void> {
  try {
    await locator.first().waitFor({ state: "detached", timeout: timeoutMs });
  } catch {
    throw new Error(`${what} was still shown after ${timeoutMs / 1000} s`);
  }
}

export class Workbench {
  private constructor(readonly page: Page) {}

  /** A new browser context (no shared storage) showing `folder` in the workbench. */
  static async open(browser: Browser, server: CodeServer, folder: string, payload?: Payload): Promise<Workbench> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      permissions: ["clipboard-read", "clipboard-write"],
    });
    const page = await context.newPage();
    page.setDefaultTimeout(uiTimeoutMs);
    const workbench = new Workbench(page);
    await workbench.exposeExitHandler();
    const query = new URLSearchParams({ folder });
    if (payload) query.set("payload", JSON.stringify(payload));
    await page.goto(`${server.url}/?${query}`);
    await page.locator(".monaco-workbench .part.statusbar").waitFor();
    return workbench;
  }

  private exitCode: Promise<number> | undefined;
  private async exposeExitHandler(): Promise<void> {
    let settle: (code: number) => void = () => undefined;
    this.exitCode = new Promise((resolve) => (settle = resolve));
    // VS Code calls this when the extension tests of the payload have finished.
    await this.page.exposeFunction("codeAutomationExit", (code: number) => settle(code));
  }

  /** Resolves with the exit code VS Code reports for the payload's extension tests. */
  extensionTestsExit(): Promise<number> {
    return this.exitCode!;
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }

  /** Quick Open (Ctrl+P): opens the file and waits until its text is on screen. */
  async openFile(fileName: string): Promise<Locator> {
    await this.page.keyboard.press("Control+P");
    await this.pickFromQuickInput(fileName, fileName);
    await this.page.locator(`.tab.active[aria-label*="${fileName}"]`).waitFor();
    const editor = this.activeEditor();
    await editor.locator(".view-line").first().waitFor();
    return editor;
  }

  /**
   * Command palette (Ctrl+Shift+P): runs the command with this title. Right after the workbench
   * appears the extensions' commands may not be registered yet, so the palette is reopened until
   * the command is listed.
   */
  async runCommand(title: string): Promise<void> {
    const deadline = Date.now() + uiTimeoutMs;
    for (;;) {
      await this.page.keyboard.press("Control+Shift+P");
      const input = this.quickInput();
      await input.waitFor();
      await input.pressSequentially(title);
      const row = this.page.locator(".quick-input-list .monaco-list-row.focused", { hasText: title });
      const listed = await row.waitFor({ timeout: 5_000 }).then(() => true, () => false);
      if (listed) return this.page.keyboard.press("Enter");
      await this.page.keyboard.press("Escape");
      if (Date.now() > deadline) throw new Error(`the command “${title}” is not in the command palette`);
    }
  }

  private quickInput(): Locator {
    return this.page.locator(".quick-input-widget .quick-input-box input");
  }

  /**
   * Types `text` into the open quick input and accepts the result once the highlighted row
   * contains `rowText` (the list shows the previous results until the filter has run). Some
   * pickers appear a moment after their command ran (the walkthrough picker waits until every
   * extension is registered) and start with an empty input, so text typed before they appeared
   * is gone: it is typed again whenever the input no longer holds it.
   */
  async pickFromQuickInput(text: string, rowText: string): Promise<void> {
    const input = this.quickInput();
    const row = this.page.locator(".quick-input-list .monaco-list-row.focused", { hasText: rowText });
    const deadline = Date.now() + uiTimeoutMs;
    await input.waitFor();
    await input.pressSequentially(text);
    while (!(await row.waitFor({ timeout: 5_000 }).then(() => true, () => false))) {
      const held = await input.inputValue().catch(() => "");
      if (Date.now() > deadline) throw new Error(`“${rowText}” is not highlighted in the quick input (typed “${text}”, it holds “${held}”)`);
      if (held !== text) {
        await input.fill("");
        await input.pressSequentially(text);
      }
    }
    await this.page.keyboard.press("Enter");
  }

  /**
   * Answers the input box that asks `prompt` (a command asking for the year, then the organ).
   * A box asked right after another reuses its widget, and text filled before the second one
   * shows would go into the first: the prompt tells them apart, and the box is left only once
   * its prompt has gone.
   */
  async answerInputBox(prompt: string, answer: string): Promise<void> {
    const box = this.page.locator(".quick-input-widget", { hasText: prompt });
    await box.waitFor();
    await this.quickInput().fill(answer);
    await this.page.keyboard.press("Enter");
    await box.waitFor({ state: "hidden" });
  }

  activeEditor(): Locator {
    return this.page.locator(".editor-group-container.active .monaco-editor").first();
  }

  /**
   * Moves the cursor to the start of a 1-based line (Ctrl+G) and waits until the line is in view.
   * The editor gets the focus first (Ctrl+1): Go to Line started from the Problems filter moves
   * the cursor but scrolls the editor elsewhere. The jump is made again when the line is not in
   * view soon after the cursor is on it: a clean-clone run once had the cursor on the line and the
   * editor scrolled below it (lenses and hints arriving after the jump change the layout).
   */
  async goToLine(line: number): Promise<void> {
    const lineNumber = this.activeEditor().locator(".margin-view-overlays .line-numbers", { hasText: new RegExp(`^${line}$`) });
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press("Control+1");
      await this.page.locator(".editor-group-container.active .monaco-editor.focused").first().waitFor();
      await this.page.keyboard.press("Control+G");
      const input = this.quickInput();
      await input.waitFor();
      await input.fill(`:${line}`);
      await this.page.keyboard.press("Enter");
      await input.waitFor({ state: "hidden" });
      await this.statusBarItem(`Ln ${line}, Col 1`).waitFor();
      try {
        await lineNumber.waitFor({ timeout: attempt < 3 ? 10_000 : undefined });
        return;
      } catch (e) {
        if (attempt >= 3) throw e;
      }
    }
  }

  /**
   * Moves the cursor to a 1-based line and character column. (Go to Line counts columns as
   * displayed — a Chinese character is two wide — so the cursor walks the characters instead.)
   */
  async goToCharacter(line: number, column: number): Promise<void> {
    await this.goToLine(line);
    for (let i = 1; i < column; i++) await this.page.keyboard.press("ArrowRight");
  }

  /** The rendered line holding `text` (the editor renders only the lines in view). */
  editorLine(text: string): Locator {
    return this.activeEditor().locator(".view-line", { hasText: text }).first();
  }

  /** Replaces the whole text of the active editor, pasting it as a person would. */
  async replaceEditorText(text: string): Promise<void> {
    await this.page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
    // Ctrl+A before the editor has the focus would select the workbench's text instead.
    await this.page.locator(".editor-group-container.active .monaco-editor.focused").first().waitFor();
    await this.page.keyboard.press("Control+A");
    await this.page.keyboard.press("Control+V");
  }

  /** A status-bar entry showing `text`. */
  statusBarItem(text: string | RegExp): Locator {
    return this.page.locator(".part.statusbar .statusbar-item", { hasText: text });
  }

  /** The squiggles (of any severity) under the line the cursor is on. */
  squigglesOnCursorLine(): Locator {
    return this.activeEditor().locator(".view-overlays > div:has(.current-line) [class*='squiggly-']");
  }

  /**
   * Opens the quick-fix menu (Ctrl+.) at the cursor until it offers `text`: asked right after
   * an edit, the menu may show before the server has the edit's fixes ("No code actions
   * available"), and a person presses Ctrl+. again.
   */
  async openQuickFix(text: string | RegExp, what: string): Promise<Locator> {
    const item = this.quickFixItem(text);
    const deadline = Date.now() + uiTimeoutMs;
    for (;;) {
      await this.page.keyboard.press("Control+.");
      if (await item.first().waitFor({ timeout: 5_000 }).then(() => true, () => false)) return item.first();
      if (Date.now() > deadline) throw new Error(`did not see ${what} in the quick-fix menu within ${uiTimeoutMs / 1000} s`);
      await this.page.keyboard.press("Escape");
    }
  }

  /** An entry of the quick-fix menu (Ctrl+.). */
  quickFixItem(text: string | RegExp): Locator {
    return this.page.locator(".action-widget .monaco-list-row", { hasText: text });
  }

  /** An entry of the completion list (Ctrl+Space). */
  suggestion(label: string): Locator {
    return this.page.locator(".suggest-widget .monaco-list-row", { hasText: label });
  }

  /**
   * Accepts the completion labelled `label` from the open suggest widget with the keyboard:
   * down to it, then Enter. (A click may land on another item: the list is re-sorted while
   * the snippet and the language server's items arrive.)
   */
  async acceptSuggestion(label: string): Promise<void> {
    const focused = this.page.locator(".suggest-widget .monaco-list-row.focused");
    const deadline = Date.now() + uiTimeoutMs;
    for (;;) {
      await focused.waitFor();
      const current = (await focused.getAttribute("aria-label")) ?? "";
      if (current.includes(label)) return this.page.keyboard.press("Enter");
      if (Date.now() > deadline) throw new Error(`the completion “${label}” could not be selected (at “${current}”)`);
      await this.page.keyboard.press("ArrowDown");
      await waitUntil(async () => (await focused.getAttribute("aria-label").catch(() => null)) !== current, 2_000, 50);
    }
  }

  /** Hides the secondary side bar (open by default), which would squeeze the editor (Ctrl+Alt+B). */
  async hideSecondarySideBar(): Promise<void> {
    const secondary = this.page.locator(".part.auxiliarybar");
    if (!(await secondary.isVisible())) return;
    await this.page.keyboard.press("Control+Alt+B");
    await secondary.waitFor({ state: "hidden" });
  }

  /** Collapses the Explorer's folder section so that the Outline below it gets the height. */
  async collapseExplorerFolder(folderName: string): Promise<void> {
    const header = this.page.locator(".pane-header", { hasText: folderName }).first();
    if ((await header.getAttribute("aria-expanded")) === "true") await header.click();
  }

  /** Expands the Outline's row holding `text` if it is collapsed. */
  async expandOutlineRow(text: string): Promise<void> {
    const row = this.outlineRow(text).first();
    await row.waitFor();
    if ((await row.getAttribute("aria-expanded")) === "false") await row.locator(".monaco-tl-twistie").click();
  }

  /** A row of the Outline view. */
  outlineRow(text: string | RegExp): Locator {
    return this.page.locator(".pane:has(.pane-header[aria-label^='Outline']) .monaco-list-row", { hasText: text });
  }

  /** A code lens of the active editor. */
  codeLens(text: string): Locator {
    return this.activeEditor().locator(".codelens-decoration", { hasText: text });
  }

  /** The hover shown in the editor. */
  hover(text: string | RegExp): Locator {
    return this.page.locator(".monaco-hover", { hasText: text });
  }

  /** Shows the Problems panel (Ctrl+Shift+M toggles it, so only when it is hidden). */
  async showProblems(): Promise<Locator> {
    const panel = this.page.locator(".markers-panel");
    if (!(await panel.isVisible())) await this.page.keyboard.press("Control+Shift+M");
    await panel.waitFor();
    return panel;
  }

  /** Narrows the Problems panel to entries matching `filter` (message, code, source or file). */
  async filterProblems(filter: string): Promise<void> {
    const box = this.page.locator(".markers-panel-action-filter input, .viewpane-filter input").first();
    await box.fill(filter);
  }

  /** The rows of the Problems panel that are rendered (the list virtualises long lists). */
  problemRows(): Locator {
    return this.page.locator(".markers-panel .monaco-list-row");
  }

  /**
   * Scrolls the Problems list until `row` is rendered: the list renders only the rows in view,
   * and a file may have a hundred findings of one rule. The wheel turns over the list's left
   * margin (the twisties): hovering a row would show its hover, and Playwright's hover scrolls
   * the hovered row back into view.
   */
  async revealProblem(row: Locator, what: string): Promise<Locator> {
    const list = this.page.locator(".markers-panel .monaco-list").filter({ has: this.page.locator(".monaco-list-row") }).first();
    const rows = this.problemRows();
    const deadline = Date.now() + uiTimeoutMs;
    while (Date.now() < deadline) {
      if (await row.first().isVisible()) return row.first();
      if ((await rows.count()) === 0) {
        await waitUntil(async () => (await rows.count()) > 0, 1_000, 50);
        continue;
      }
      const box = await list.boundingBox();
      if (!box) throw new Error("the Problems list is not on screen");
      await this.page.mouse.move(box.x + 4, box.y + box.height / 2);
      const bottom = await bottomRenderedIndex(rows);
      // The list scrolls about two rows a wheel event, whatever its delta: a few of them scroll
      // by less than the rows in view, so that no row is skipped.
      for (let i = 0; i < 3; i++) await this.page.mouse.wheel(0, 100);
      const scrolled = await waitUntil(async () => (await bottomRenderedIndex(rows)) !== bottom, 1_000, 50);
      // At the end of the list: start again from the top, the findings may have changed meanwhile.
      if (!scrolled) await this.scrollProblemsToTop();
    }
    throw new Error(`did not see ${what} in Problems within ${uiTimeoutMs / 1000} s`);
  }

  /** Scrolls the Problems list back to its first row (the list scrolls about two rows a wheel event). */
  async scrollProblemsToTop(): Promise<void> {
    const list = this.page.locator(".markers-panel .monaco-list").filter({ has: this.page.locator(".monaco-list-row") }).first();
    const firstMarker = list.locator('.monaco-list-row[data-index="1"]');
    const deadline = Date.now() + uiTimeoutMs;
    while (!(await firstMarker.isVisible())) {
      if (Date.now() > deadline) throw new Error(`the Problems list did not scroll back to its top within ${uiTimeoutMs / 1000} s`);
      const box = await list.boundingBox();
      if (!box) throw new Error("the Problems list is not on screen");
      await this.page.mouse.move(box.x + 4, box.y + box.height / 2);
      for (let i = 0; i < 10; i++) await this.page.mouse.wheel(0, -100);
    }
  }

  /** The Problems entry of `rule` at `line` (and `column`, when given). */
  problemRow(rule: string, line: number, column?: number): Locator {
    const position = column === undefined ? `[Ln ${line}, Col ` : `[Ln ${line}, Col ${column}]`;
    return this.problemRows()
      .filter({ has: this.page.locator(".marker-code", { hasText: new RegExp(`^\\W*${rule}\\W*$`) }) })
      .filter({ hasText: position });
  }

  /** Lists only the problems of the active editor (a toggle in the Problems filter menu). */
  async showActiveFileProblemsOnly(): Promise<void> {
    await this.showProblems();
    await this.page.locator(".markers-panel-action-filter .codicon-filter, .panel .codicon-filter").first().click();
    await this.page.locator(".monaco-menu .action-item", { hasText: "Show Active File Only" }).click();
  }
}

/**
 * The largest list index among the rendered rows. (Rows are reused in any DOM order, and the
 * file's row stays pinned at the top as a sticky row, so the smallest index does not move.)
 */
async function bottomRenderedIndex(rows: Locator): Promise<number> {
  const indices = await Promise.all((await rows.all()).map((r) => r.getAttribute("data-index")));
  return Math.max(...indices.map(Number));
}
