import type { Settings } from "./settings";

/**
 * Settings as they apply to one resource. In a multi-root workspace each
 * folder may set its own resource-scoped settings (govReport.previousReport):
 * the client answers a configuration request for a scopeUri with the values
 * for that resource. The server asks for each workspace folder when it reads
 * its settings, and for each document when it opens; a URI takes its
 * document's settings, else its folder's, else the window's.
 */
export class ScopedSettings {
  private folders = new Map<string, Settings>();
  private documents = new Map<string, Settings>();

  constructor(private readonly global: () => Settings) {}

  of(uri: string): Settings {
    return this.documents.get(uri) ?? this.folders.get(this.folderOf(uri) ?? "") ?? this.global();
  }

  /** Every scope read again (the settings changed): what was cached is replaced, not merged. */
  replace(folders: Map<string, Settings>, documents: Map<string, Settings>): void {
    this.folders = folders;
    this.documents = documents;
  }

  /** A document's own settings; true when they differ from what it had. */
  setDocument(uri: string, settings: Settings): boolean {
    const before = this.of(uri);
    this.documents.set(uri, settings);
    return JSON.stringify(before) !== JSON.stringify(settings);
  }

  forget(uri: string): void {
    this.documents.delete(uri);
  }

  /** The innermost workspace folder holding a URI. */
  private folderOf(uri: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.folders.keys()) {
      const prefix = folder.endsWith("/") ? folder : `${folder}/`;
      if (uri.startsWith(prefix) && (!best || folder.length > best.length)) best = folder;
    }
    return best;
  }
}
