/**
 * `npm start [-- --input=DIR --port=8080]`: Eleventy's dev server with live reload. Drafts are
 * always shown. `npm start` runs this under `tsx watch`, so edits to src/*.ts restart it.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Eleventy from "@11ty/eleventy";
import { projectRoot } from "../src/build/build.js";
import { indexSite } from "../src/search/index-site.js";

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    input: { type: "string", default: "content" },
    // Not _site: the dev server writes as it goes, and must never clobber a production build.
    output: { type: "string", default: ".cache/dev-site" },
    port: { type: "string", default: "8080" },
    pathprefix: { type: "string", default: "/" },
    // Index for search once at start (the dev server does not re-index on every change).
    search: { type: "boolean", default: false },
  },
});
const cwd = process.env.INIT_CWD ?? process.cwd();
const input = path.resolve(cwd, values.input);
if (!existsSync(input)) {
  console.error(`start: no such folder: ${values.input}`);
  process.exit(2);
}
process.chdir(projectRoot);
process.env.TRANSCRIPTS_INPUT = input;
process.env.ELEVENTY_RUN_MODE = "serve";
const output = path.resolve(cwd, values.output);
const elev = new Eleventy(path.join(projectRoot, "pages"), output, {
  configPath: path.join(projectRoot, ".eleventy.ts"),
  pathPrefix: values.pathprefix,
  runMode: "serve",
});
await elev.init();
await elev.watch();
if (values.search) {
  const r = await indexSite(output);
  console.log(`[search] indexed ${r.pages} pages (${r.files} files) in ${(r.ms / 1000).toFixed(1)} s (run again with --search after big changes)`);
}
await elev.serve(Number(values.port));
