/**
 * The build command (`npm run build`, scripts/build.ts) as a function: arguments in, exit code out,
 * every line it prints handed to `io.log`. The tests run it in their own process, which spares each
 * of their builds the start of a new Node process (about two seconds of a small build).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { guardOutput, OutputRefused } from "../build/output-guard.js";
import { SwapError } from "../build/staging.js";
import { projectRoot, renderRunsSetting, resolveOptions, searchDisabled, SettingsError, type Options } from "../options.js";

export const BUILD_USAGE = "usage: npm run build -- [--input=DIR] [--output=DIR] [--pathprefix=/repo/] [--site=FILE] [--strict] [--no-cache]";

/** Where the command reads its environment and writes its lines. */
export interface CommandIo {
  /** Folder that relative paths are resolved from (npm's INIT_CWD: where the user ran npm). */
  cwd: string;
  /** SITE_URL, TRANSCRIPTS_DRAFTS, NO_SEARCH, … */
  env: NodeJS.ProcessEnv;
  /** Every line the build prints (progress, diagnostics, the summary); the CLI writes them to stderr. */
  log: (line: string) => void;
  /** The usage text of --help (stdout in the CLI). */
  out: (line: string) => void;
}

/** Run the build command; resolves to its exit code (0 built, 1 failed, 2 bad usage or settings). */
export async function buildCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const { cwd, env, log } = io;
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        input: { type: "string", default: "content" },
        output: { type: "string", default: "_site" },
        pathprefix: { type: "string", default: "/" },
        site: { type: "string" },
        strict: { type: "boolean", default: false },
        "no-cache": { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    log(`build: ${(e as Error).message}\n${BUILD_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(BUILD_USAGE);
    return 0;
  }
  // Paths are the user's, relative to where they ran npm (npm itself runs scripts in the project folder).
  const input = path.resolve(cwd, values.input);
  const output = path.resolve(cwd, values.output);
  if (!existsSync(input)) {
    log(`build: no such folder: ${values.input}\n${BUILD_USAGE}`);
    return 2;
  }
  let site: Options;
  let runs: number | undefined;
  let perPart: number | undefined;
  let jobs: number | undefined;
  const search = !searchDisabled(env);
  try {
    site = resolveOptions({ input, siteFile: values.site === undefined ? undefined : path.resolve(cwd, values.site), env });
    runs = renderRunsSetting(env);
    // SEARCH_POSTS_PER_PART and SEARCH_INDEX_JOBS from the command's environment (not the process's), as
    // the other settings, and checked with them: a bad value stops the build before anything is read or written.
    if (search) {
      const index = await import("../search/index-site.js");
      perPart = index.postsPerPart(env);
      jobs = index.indexJobs(env);
    }
  } catch (e) {
    if (!(e instanceof SettingsError)) throw e;
    log(`build: ${e.message}`);
    return 2;
  }
  const started = performance.now();
  try {
    // A folder the build may not replace is refused before the build's modules are loaded (Eleventy
    // costs about 1.5 s of CPU): at once for the user, and for the tests that start many refusals.
    // build() checks again, for its other callers.
    guardOutput({ output, inputs: [site.contentDir], project: projectRoot });
    const { build } = await import("../build/build.js");
    const result = await build({ site, search, output, pathPrefix: values.pathprefix, strict: values.strict, cache: !values["no-cache"], log, ...(runs ? { renderRuns: runs } : {}), ...(perPart ? { searchPostsPerPart: perPart } : {}), ...(jobs ? { searchIndexJobs: jobs } : {}) });
    if (result.ok) {
      const shown = path.relative(cwd, output) || ".";
      const previewArgs = [...(shown === "_site" ? [] : [`--dir=${shown}`]), ...(values.pathprefix === "/" ? [] : [`--pathprefix=${values.pathprefix}`])];
      const preview = `npm run preview${previewArgs.length ? ` -- ${previewArgs.join(" ")}` : ""}`;
      log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s. The site is in ${shown}/; to look at it: ${preview}`);
    }
    return result.ok ? 0 : 1;
  } catch (e) {
    if (e instanceof OutputRefused) {
      log(`build: ${e.message}`);
      return 2;
    }
    // A SwapError's message says where each site is; any other failure happened before the swap.
    const untouched = existsSync(output) ? `\nThe previous site in ${values.output} was left as it was.` : `\nNothing was written to ${values.output}.`;
    log(`build failed: ${(e as Error).message}${e instanceof SwapError ? "" : untouched}`);
    if (env.DEBUG) log(String((e as Error).stack ?? e));
    return 1;
  }
}

export { projectRoot };

