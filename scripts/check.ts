/**
 * `npm run check -- [PATH…] [--strict] [--format=text|json|github] [--rule=ID…] [--ignore=ID…]`
 * Validates posts without building. Exit 0 when clean, 1 on errors shown (on warnings shown too with
 * --strict), 2 on bad usage.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { isFailing } from "../src/diagnostics.js";
import { loadContent } from "../src/content/load.js";
import { filterByRule, FORMATS, formatReport, summarize, type Format } from "../src/check/report.js";
import { KNOWN_RULES, unknownRules } from "../src/check/rules.js";
import { projectRoot } from "../src/options.js";

const USAGE = [
  "usage: npm run check -- [PATH…] [--strict] [--format=text|json|github] [--rule=ID]… [--ignore=ID]…",
  "  --rule=ID    show only the problems of this rule (repeatable); --ignore=ID hides a rule's (repeatable)",
  "               the exit code follows what is shown: an error hidden by --ignore does not fail",
  "  (put -- before a file name that starts with '-')",
].join("\n");

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        strict: { type: "boolean", default: false },
        format: { type: "string", default: "text" },
        rule: { type: "string", multiple: true, default: [] },
        ignore: { type: "string", multiple: true, default: [] },
        help: { type: "boolean", short: "h" },
      },
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
  const filter = { only: values.rule ?? [], ignore: values.ignore ?? [] };
  const unknown = unknownRules([...filter.only, ...filter.ignore]);
  if (unknown.length > 0) {
    console.error(`check: unknown rule id${unknown.length > 1 ? "s" : ""} ${unknown.map((id) => `'${id}'`).join(", ")}; known rule ids: ${KNOWN_RULES.join(", ")}\n${USAGE}`);
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
  const { diagnostics, fileCount, skipped } = await loadContent(targets, { transcripts: "check" });
  const { shown, hidden } = filterByRule(diagnostics, filter);
  console.log(formatReport(shown, summarize(shown, fileCount, skipped, hidden), format, strict));
  return isFailing(shown, strict) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
