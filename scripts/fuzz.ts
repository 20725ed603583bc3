/**
 * `npm run fuzz`: the property tests of test/property without CI's fixed seed
 * and budget. Rounds of every property (or those named with --property) run
 * with fresh random seeds until --time runs out (forever without it) or a
 * property fails; a failure prints the shrunk counterexample, the seed and the
 * path that replay it, and exits 1.
 *
 *   npm run fuzz                                  # until Ctrl-C or a failure
 *   npm run fuzz -- --time 600 --property unicode # ten minutes of one property
 *   npm run fuzz -- --seed 42 --path 3:1:0 --property fix-all   # replay a failure
 */
import fc from "fast-check";
import { PROPERTIES } from "../test/property/properties";

interface Options {
  ids: string[];
  seed?: number;
  path?: string;
  time?: number;
  runs?: number;
}

const USAGE = "usage: npm run fuzz -- [--property ID]... [--time SECONDS] [--runs N per round] [--seed N [--path P]]";

function parseArgs(argv: string[]): Options {
  const o: Options = { ids: [] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const number = () => {
      const n = Number(value);
      if (!Number.isFinite(n)) fail(`${flag} wants a number, not ${JSON.stringify(value)}`);
      i++;
      return n;
    };
    if (flag === "--property" || flag === "-p") o.ids.push(value), i++;
    else if (flag === "--seed") o.seed = number();
    else if (flag === "--time") o.time = number();
    else if (flag === "--runs") o.runs = number();
    else if (flag === "--path") (o.path = value), i++;
    else if (flag === "--help" || flag === "-h") {
      console.log(`${USAGE}\nproperties: ${PROPERTIES.map((p) => p.id).join(", ")}`);
      process.exit(0);
    } else fail(`unknown argument ${JSON.stringify(flag)}`);
  }
  for (const id of o.ids) if (!PROPERTIES.some((p) => p.id === id)) fail(`no property ${JSON.stringify(id)} (${PROPERTIES.map((p) => p.id).join(", ")})`);
  if (o.path && (o.seed === undefined || o.ids.length !== 1)) fail("--path replays one property: give --seed and one --property");
  return o;
}

function fail(message: string): never {
  console.error(`fuzz: ${message}\n${USAGE}`);
  process.exit(2);
}

/** Control, format, separator, combining and surrogate code points as \\u escapes; everything else as it is. */
const escaped = (s: string) =>
  s.replace(/(?! )[\p{C}\p{Z}\p{M}]/gu, (c) => [...c].map((u) => `\\u{${u.codePointAt(0)!.toString(16).toUpperCase()}}`).join(""));

const options = parseArgs(process.argv.slice(2));
const chosen = options.ids.length ? PROPERTIES.filter((p) => options.ids.includes(p.id)) : PROPERTIES;
const deadline = options.time === undefined ? Infinity : Date.now() + options.time * 1000;
let cases = 0;

for (let round = 1; Date.now() < deadline; round++) {
  for (const p of chosen) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    const seed = options.seed ?? (Math.random() * 2 ** 31) | 0;
    const numRuns = options.runs ?? p.runs * 10;
    const started = Date.now();
    const details = fc.check(p.property, {
      seed,
      path: options.path,
      numRuns,
      ...(Number.isFinite(left) ? { interruptAfterTimeLimit: left, markInterruptAsFailure: false } : {}),
    }) as fc.RunDetails<[unknown]>; // the properties are synchronous
    cases += details.numRuns;
    if (details.failed) {
      console.error(`\n✗ ${p.id}: ${p.name}`);
      console.error(fc.defaultReportMessage(details) ?? "");
      // Invisible characters (bidi marks, zero-width, lone surrogates) printed as escapes.
      console.error(`counterexample, escaped: ${escaped(JSON.stringify(details.counterexample?.[0]) ?? "undefined").slice(0, 4000)}`);
      console.error(`error: ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`);
      console.error(`\nreplay: npm run fuzz -- --property ${p.id} --seed ${details.seed} --path ${details.counterexamplePath}`);
      process.exit(1);
    }
    console.log(`round ${round} ✓ ${p.id}: ${details.numRuns} cases, seed ${seed}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (options.seed !== undefined) break;
}
console.log(`no counterexample in ${cases} cases`);
