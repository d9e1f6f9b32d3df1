/**
 * The check command (`npm run check`, scripts/check.ts) as a function: arguments in, exit code out,
 * the report handed to `io.out` and usage errors to `io.log`. The tests run it in their own process,
 * as they run the build (src/cli/build-command.ts), which spares each check the start of a new Node
 * process (about a second).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { isFailing } from "../diagnostics.js";
import { loadContent } from "../content/load.js";
import { filterByRule, FORMATS, formatReport, summarize, type Format } from "./report.js";
import { KNOWN_RULES, unknownRules } from "./rules.js";
import { projectRoot } from "../options.js";

export const CHECK_USAGE = [
  "usage: npm run check -- [PATH…] [--strict] [--format=text|json|github] [--rule=ID]… [--ignore=ID]…",
  "  --rule=ID    show only the problems of this rule (repeatable); --ignore=ID hides a rule's (repeatable)",
  "               the exit code follows what is shown: an error hidden by --ignore does not fail",
  "  (put -- before a file name that starts with '-')",
].join("\n");

/** Where the command's paths are relative to, and where its text goes. */
export interface CheckIo {
  /** Folder that the paths given are resolved from and reported relative to (npm's INIT_CWD: where the user ran npm). */
  cwd: string;
  /** The report (stdout in the CLI). */
  out: (text: string) => void;
  /** Usage errors (stderr in the CLI). */
  log: (text: string) => void;
}

/** Run the check command; resolves to its exit code (0 clean, 1 problems shown that fail, 2 bad usage). */
export async function checkCommand(argv: readonly string[], io: CheckIo): Promise<number> {
  const { out, log } = io;
  const cwd = path.resolve(io.cwd);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
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
    log(`check: ${(e as Error).message}\n${CHECK_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(CHECK_USAGE);
    return 0;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) {
    log(`check: unknown format '${values.format}'\n${CHECK_USAGE}`);
    return 2;
  }
  const filter = { only: values.rule ?? [], ignore: values.ignore ?? [] };
  const unknown = unknownRules([...filter.only, ...filter.ignore]);
  if (unknown.length > 0) {
    log(`check: unknown rule id${unknown.length > 1 ? "s" : ""} ${unknown.map((id) => `'${id}'`).join(", ")}; known rule ids: ${KNOWN_RULES.join(", ")}\n${CHECK_USAGE}`);
    return 2;
  }
  // Paths are the user's, relative to where they ran npm (npm itself runs scripts in the project
  // folder), and are reported as they were given. The command line runs in that folder (scripts/check.ts
  // moves there), so the paths are read as given; a caller elsewhere has them resolved from `cwd`
  // (reported relative to it all the same, except that one reached by `../` is then shown whole).
  const targets = positionals.length > 0 ? positionals : [path.relative(cwd, path.join(projectRoot, "content")) || "."];
  const here = cwd === process.cwd();
  const read = here ? targets : targets.map((t) => path.resolve(cwd, t));
  const missing = targets.filter((t, i) => !existsSync(read[i]!));
  if (missing.length > 0) {
    log(`check: no such file or folder: ${missing.join(", ")}\n${CHECK_USAGE}`);
    return 2;
  }
  const strict = values.strict ?? false;
  const { diagnostics, fileCount, skipped } = await loadContent(read, { transcripts: "check", displayBase: cwd });
  const { shown, hidden } = filterByRule(diagnostics, filter);
  out(formatReport(shown, summarize(shown, fileCount, skipped, hidden), format, strict));
  return isFailing(shown, strict) ? 1 : 0;
}
