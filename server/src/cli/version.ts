declare const __VERSION__: string;

/** Set by the bundler from package.json. */
export const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "dev";
