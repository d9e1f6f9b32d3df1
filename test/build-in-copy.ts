/**
 * Runs the build command of another copy of the project several times in this one process, as its
 * scripts/build.ts would once per process, and prints each run's exit code and lines as JSON:
 * `node --import tsx test/build-in-copy.ts PROJECT '[["--output=…"], …]'`. For tests that start
 * many builds which only refuse their arguments (test/integration/safe-build.test.ts): each process
 * of its own costs about a second and a half of CPU, most of it loading the same modules.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";

const [project, cases] = process.argv.slice(2);
if (!project || !cases) throw new Error("usage: build-in-copy.ts PROJECT CASES_JSON");
// The copy's own code: its projectRoot is the copy, so a guard that failed would touch the copy only.
const { buildCommand } = (await import(pathToFileURL(path.join(project, "src/cli/build-command.ts")).href)) as typeof import("../src/cli/build-command.js");
process.chdir(project);
const results: Array<{ status: number; stdout: string; stderr: string }> = [];
for (const args of JSON.parse(cases) as string[][]) {
  const out: string[] = [];
  const err: string[] = [];
  // As scripts/build.ts: lines to stderr, --help's text to stdout, paths relative to where npm ran (the copy).
  const status = await buildCommand(args, { cwd: project, env: process.env, log: (l) => err.push(`${l}\n`), out: (l) => out.push(`${l}\n`) });
  results.push({ status, stdout: out.join(""), stderr: err.join("") });
}
process.stdout.write(JSON.stringify(results));
