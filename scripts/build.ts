/**
 * `npm run build [-- --input=DIR --output=DIR --pathprefix=/repo/ --site=FILE --strict --no-cache]`
 * Builds the posts of `content/` (or --input) into `_site/` (or --output), rendering again only the
 * post pages that changed since the site there was built (`--no-cache`: all of them). Exit 1 when
 * posts have errors, 2 when the command line or the site settings are wrong.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { build } from "../src/build/build.js";
import { OutputRefused } from "../src/build/output-guard.js";
import { SwapError } from "../src/build/staging.js";
import { projectRoot, renderRunsSetting, resolveOptions, searchDisabled, SettingsError, type Options } from "../src/options.js";

const USAGE = "usage: npm run build -- [--input=DIR] [--output=DIR] [--pathprefix=/repo/] [--site=FILE] [--strict] [--no-cache]";

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
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
    console.error(`build: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  // Paths are the user's, relative to where they ran npm (npm itself runs scripts in the project folder).
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const input = path.resolve(cwd, values.input);
  const output = path.resolve(cwd, values.output);
  if (!existsSync(input)) {
    console.error(`build: no such folder: ${values.input}\n${USAGE}`);
    return 2;
  }
  let site: Options;
  try {
    site = resolveOptions({ input, siteFile: values.site === undefined ? undefined : path.resolve(cwd, values.site) });
  } catch (e) {
    if (!(e instanceof SettingsError)) throw e;
    console.error(`build: ${e.message}`);
    return 2;
  }
  process.chdir(projectRoot);
  const started = performance.now();
  try {
    const search = !searchDisabled();
    const runs = renderRunsSetting();
    const result = await build({ site, search, output, pathPrefix: values.pathprefix, strict: values.strict, cache: !values["no-cache"], log: (l) => console.error(l), ...(runs ? { renderRuns: runs } : {}) });
    if (result.ok) {
      const shown = path.relative(cwd, output) || ".";
      const previewArgs = [...(shown === "_site" ? [] : [`--dir=${shown}`]), ...(values.pathprefix === "/" ? [] : [`--pathprefix=${values.pathprefix}`])];
      const preview = `npm run preview${previewArgs.length ? ` -- ${previewArgs.join(" ")}` : ""}`;
      console.error(`done in ${((performance.now() - started) / 1000).toFixed(1)} s. The site is in ${shown}/; to look at it: ${preview}`);
    }
    return result.ok ? 0 : 1;
  } catch (e) {
    if (e instanceof OutputRefused) {
      console.error(`build: ${e.message}`);
      return 2;
    }
    // A SwapError's message says where each site is; any other failure happened before the swap.
    console.error(`build failed: ${(e as Error).message}${e instanceof SwapError ? "" : `\nThe previous site in ${values.output} was left as it was.`}`);
    if (process.env.DEBUG) console.error(e);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
