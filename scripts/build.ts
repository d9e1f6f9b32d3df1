/**
 * `npm run build [-- --input=DIR --output=DIR --pathprefix=/repo/ --strict]`
 * Builds the posts of `content/` (or --input) into `_site/` (or --output). Exit 1 when posts have errors.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { build, projectRoot } from "../src/build/build.js";

const USAGE = "usage: npm run build -- [--input=DIR] [--output=DIR] [--pathprefix=/repo/] [--strict]";

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        input: { type: "string", default: "content" },
        output: { type: "string", default: "_site" },
        pathprefix: { type: "string", default: "/" },
        strict: { type: "boolean", default: false },
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
  process.chdir(projectRoot);
  const started = performance.now();
  try {
    const result = await build({ input, output, pathPrefix: values.pathprefix, strict: values.strict, log: (l) => console.error(l) });
    if (result.ok) console.error(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result.ok ? 0 : 1;
  } catch (e) {
    console.error(`build failed: ${(e as Error).message}\nThe previous site in ${values.output} was left as it was.`);
    if (process.env.DEBUG) console.error(e);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
