/** Measuring whole processes for the benchmark: what the kernel's accounting sees, and what it misses. */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { test } from "node:test";
import { measure, spread } from "../../scripts/bench/measure.js";

test("spread: minimum, median (even and odd counts) and maximum", () => {
  assert.deepEqual(spread([3, 1, 2]), { min: 1, median: 2, max: 3 });
  assert.deepEqual(spread([4, 1, 3, 2]), { min: 1, median: 2.5, max: 4 });
});

// A parent that starts a child holding 300 MB, then kills it without waiting for it and exits, as
// Pagefind's Node API does with its indexer.
const PARENT = `
const { spawn } = require("node:child_process");
const child = spawn(process.execPath, ["-e", "const b = Buffer.alloc(300 * 2 ** 20, 1); console.log('ready'); setInterval(() => b[0]++, 50)"], { stdio: ["ignore", "pipe", "inherit"] });
child.stdout.once("data", () => setTimeout(() => { child.kill("SIGKILL"); process.exit(0); }, 600));
`;

test("the tree's peak counts a child the parent never waits for; the kernel's largest-process figure does not", { skip: existsSync("/proc/self/status") ? undefined : "needs Linux /proc" }, async () => {
  const r = await measure(process.execPath, ["-e", PARENT]);
  assert.equal(r.status, 0, r.output);
  assert.ok(r.treePeakMiB >= 300, `tree peak ${r.treePeakMiB.toFixed(0)} MiB`);
  if (existsSync("/usr/bin/time")) {
    assert.ok(r.peakMiB < 200, `largest waited-for process ${r.peakMiB.toFixed(0)} MiB`);
    assert.ok(r.cpuMs > 0 && r.wallMs >= 600);
  }
});
