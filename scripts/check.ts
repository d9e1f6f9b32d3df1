/**
 * `npm run check -- [PATH…] [--strict] [--format=text|json|github]`
 * Validates posts without building. Exit 0 when clean, 1 on errors (on warnings too with --strict), 2 on bad usage.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { isFailing } from "../src/diagnostics.js";
import { loadContent } from "../src/content/load.js";
import { FORMATS, formatReport, summarize, type Format } from "../src/check/report.js";
import { projectRoot } from "../src/options.js";

const USAGE = "usage: npm run check -- [PATH…] [--strict] [--format=text|json|github]\n  (put -- before a file name that starts with '-')";

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { strict: { type: "boolean", default: false }, format: { type: "string", default: "text" }, help: { type: "boolean", short: "h" } },
    });
  } catch (e) {
    console.error(`check: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) {
    console.error(`check: unknown format '${values.format}'\n${USAGE}`);
    return 2;
  }
  // Paths are the user's, relative to where they ran npm (npm itself runs scripts in the project folder),
  // and are reported as they were given.
  process.chdir(process.env.INIT_CWD ?? process.cwd());
  const targets = positionals.length > 0 ? positionals : [path.relative(process.cwd(), path.join(projectRoot, "content")) || "."];
  const missing = targets.filter((t) => !existsSync(t));
  if (missing.length > 0) {
    console.error(`check: no such file or folder: ${missing.join(", ")}\n${USAGE}`);
    return 2;
  }
  const strict = values.strict ?? false;
  const { diagnostics, fileCount } = await loadContent(targets, { transcripts: "check" });
  console.log(formatReport(diagnostics, summarize(diagnostics, fileCount), format, strict));
  return isFailing(diagnostics, strict) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
