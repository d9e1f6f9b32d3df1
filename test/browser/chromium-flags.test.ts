/** The browser tests' --disable-features repeats every feature playwright-core turns off (Chromium reads only the last such flag). */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PLAYWRIGHT_DISABLED_FEATURES } from "./chromium-features.js";

test("every feature playwright-core's own --disable-features names is in the browser tests' list", () => {
  const require = createRequire(import.meta.url);
  const source = readFileSync(path.join(path.dirname(require.resolve("playwright-core/package.json")), "lib/coreBundle.js"), "utf8");
  // Found by plain search, not a regular expression over the bundle's megabytes.
  const start = source.indexOf("disabledFeatures = [");
  const list = start < 0 ? undefined : source.slice(start, source.indexOf("]", start));
  assert.ok(list, "playwright-core's list of disabled features is where it was: read it again and update PLAYWRIGHT_DISABLED_FEATURES");
  const theirs = [...list.replace(/\/\/.*$/gm, "").matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(theirs.length >= 10, `read ${theirs.length} features`);
  assert.deepEqual(theirs.filter((f) => !PLAYWRIGHT_DISABLED_FEATURES.includes(f)), [], "features playwright-core turns off that the browser tests' flag would turn back on");
});
