/**
 * `npm start [-- --input=DIR --port=8080 --host=127.0.0.1 --site=FILE --search]`: Eleventy's dev
 * server with live reload, on this machine only unless --host says otherwise. Drafts are always
 * shown. `npm start` runs this under `tsx watch`, so edits to src/*.ts restart it. A build that
 * fails shows its error in the browser, in place of the last good page, until it is fixed.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { guardOutput, markSite, OutputRefused } from "../src/build/output-guard.js";
import { giveOptions, projectRoot, resolveOptions, SettingsError, type Options } from "../src/options.js";
import { devServerOptions, listenOn, trackErrors, type DevServerState } from "../src/serve/dev-server.js";

const USAGE = "usage: npm start -- [--input=DIR] [--port=8080] [--host=127.0.0.1] [--pathprefix=/] [--site=FILE] [--search]";

let parsed;
try {
  parsed = parseArgs({
    args: process.argv.slice(2),
    options: {
      input: { type: "string", default: "content" },
      // Not _site: the dev server writes as it goes, and must never clobber a production build.
      output: { type: "string", default: ".cache/dev-site" },
      port: { type: "string", default: "8080" },
      host: { type: "string", default: "127.0.0.1" },
      pathprefix: { type: "string", default: "/" },
      site: { type: "string" },
      // Index for search once at start (the dev server does not re-index on every change).
      search: { type: "boolean", default: false },
    },
  });
} catch (e) {
  console.error(`start: ${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values } = parsed;
const cwd = process.env.INIT_CWD ?? process.cwd();
const input = path.resolve(cwd, values.input);
if (!existsSync(input)) {
  console.error(`start: no such folder: ${values.input}\n${USAGE}`);
  process.exit(2);
}
let options: Options;
try {
  options = resolveOptions({ input, siteFile: values.site === undefined ? undefined : path.resolve(cwd, values.site), dev: true });
} catch (e) {
  if (!(e instanceof SettingsError)) throw e;
  console.error(`start: ${e.message}`);
  process.exit(2);
}
process.chdir(projectRoot);
let output: string;
try {
  // Eleventy writes over whatever is there: the same folders are refused as for a build.
  output = guardOutput({ output: path.resolve(cwd, values.output), inputs: [input], project: projectRoot, label: `--output=${values.output}`, suggest: ".cache/dev-site" });
} catch (e) {
  if (!(e instanceof OutputRefused)) throw e;
  console.error(`start: ${e.message}`);
  process.exit(2);
}
await mkdir(output, { recursive: true });
await markSite(output);
const state: DevServerState = { error: undefined };
// Loaded once the arguments and the output folder are accepted: a refusal costs no Eleventy.
const { default: Eleventy } = await import("@11ty/eleventy");
const { indexSite } = await import("../src/search/index-site.js");
const elev = new Eleventy(path.join(projectRoot, "pages"), output, {
  configPath: path.join(projectRoot, ".eleventy.ts"),
  pathPrefix: values.pathprefix,
  runMode: "serve",
  config: (eleventyConfig: object) => {
    giveOptions(eleventyConfig, options);
    devServerOptions(eleventyConfig, state);
  },
});
listenOn(values.host);
await elev.init();
trackErrors(elev, state);
try {
  await elev.watch();
} catch (e) {
  // The first build failed: serve the error until an edit fixes it.
  state.error = e as Error;
  console.error(`[build error] ${(e as Error).message}`);
}
if (values.search) {
  const r = await indexSite(output);
  console.log(`[search] indexed ${r.pages} pages (${r.files} files) in ${(r.ms / 1000).toFixed(1)} s (run again with --search after big changes)`);
}
await elev.serve(Number(values.port));

// Ctrl-C or a SIGTERM stops the watcher and the server (and with them every child they started).
let stopping = false;
const stop = (signal: NodeJS.Signals): void => {
  if (stopping) return;
  stopping = true;
  console.error(`\nstopping (${signal})`);
  void Promise.resolve(elev.stopWatch())
    .catch(() => undefined)
    .finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
