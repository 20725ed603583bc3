/** The CLI's commands by name (main.ts maps each to its module under commands/; launch.ts names a code cache after it). */
export const COMMAND_NAMES = ["check", "fix", "parse", "new", "import", "export", "review", "page", "lsp"] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export const isCommandName = (s: string): s is CommandName => (COMMAND_NAMES as readonly string[]).includes(s);
