/**
 * The build never damages the previous site: not when it is killed midway, not when Eleventy fails,
 * and two builds of the same posts produce the same bytes (so a deploy changes only what changed).
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { BROKEN_YAML_POST, corpusDir, root, runScript } from "../helpers.js";

const tmp = mkdtempSync(path.join(tmpdir(), "safe-build-"));
/** The 59 real posts that build (the corpus minus its one broken-YAML post). */
const posts = path.join(tmp, "posts");
const BUILD = path.join(root, "scripts/build.ts");

before(() => {
  mkdirSync(posts);
  for (const name of readdirSync(corpusDir)) {
    if (name.endsWith(".md") && name !== BROKEN_YAML_POST) cpSync(path.join(corpusDir, name), path.join(posts, name));
  }
  assert.equal(readdirSync(posts).length, 59);
});

after(() => rmSync(tmp, { recursive: true, force: true }));

/** Every file under `dir`, by path relative to it (with `/`), with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else files.set(child, readFileSync(path.join(dir, child)));
    }
  };
  walk("");
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The first difference between two snapshots, described for a failure message; undefined when identical. */
function firstDifference(a: Map<string, Buffer>, b: Map<string, Buffer>): string | undefined {
  const onlyA = [...a.keys()].filter((k) => !b.has(k));
  const onlyB = [...b.keys()].filter((k) => !a.has(k));
  if (onlyA.length || onlyB.length) return `file lists differ: only in first: [${onlyA.slice(0, 5).join(", ")}]; only in second: [${onlyB.slice(0, 5).join(", ")}]`;
  for (const [file, bytes] of a) {
    const other = b.get(file)!;
    if (bytes.equals(other)) continue;
    let i = 0;
    while (i < bytes.length && i < other.length && bytes[i] === other[i]) i++;
    const context = (buf: Buffer): string => JSON.stringify(buf.subarray(Math.max(0, i - 60), i + 60).toString("utf8"));
    return `${file} differs at byte ${i} (sizes ${bytes.length} and ${other.length}):\n  first:  ${context(bytes)}\n  second: ${context(other)}`;
  }
  return undefined;
}

/** Staging and previous-site folders that builds leave next to `output` (see src/build/staging.ts). */
function leftovers(output: string): string[] {
  const prefix = `.${path.basename(output)}-`;
  return readdirSync(path.dirname(output)).filter((n) => n.startsWith(prefix));
}

const hasStackTrace = (stderr: string): boolean => /^\s+at .+:\d+:\d+\)?$/m.test(stderr);

test("killing a build midway leaves the previous site byte-identical and the next build cleans up", async () => {
  const output = path.join(tmp, "site");
  const first = runScript("build.ts", ["--input=content", `--output=${output}`], { NO_SEARCH: "1" });
  assert.equal(first.status, 0, first.stderr);
  const before = snapshot(output);
  assert.ok(before.has("posts/aR20FWCCjAs/index.html"));

  // The 59 posts take a few seconds to render, long enough to catch the build with a half-written staging folder.
  // Spawned as node itself (not through npm), so the pid killed is the build's and names its staging folder.
  const child = spawn(process.execPath, ["--import", "tsx", BUILD, `--input=${posts}`, `--output=${output}`], {
    cwd: root,
    env: { ...process.env, INIT_CWD: root, NO_SEARCH: "1" },
    stdio: "ignore",
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  let done = false;
  void exited.then(() => (done = true));
  const staging = path.join(tmp, `.site-staging-${child.pid}`);
  const started = Date.now();
  let written = 0;
  while (!done && Date.now() - started < 30_000) {
    try {
      written = readdirSync(staging).length;
    } catch {
      written = 0; // not created yet
    }
    if (written > 0) break;
    await sleep(5);
  }
  assert.ok(!done, "the build finished before it could be killed: give it more posts");
  assert.ok(written > 0, "the staging folder never received files");
  child.kill("SIGKILL");
  assert.equal((await exited).signal, "SIGKILL");

  assert.ok(existsSync(staging), "the killed build left its staging folder (what the next build must clean up)");
  const diff = firstDifference(before, snapshot(output));
  assert.equal(diff, undefined, `the previous site changed: ${diff}`);

  const next = runScript("build.ts", ["--input=content", `--output=${output}`], { NO_SEARCH: "1" });
  assert.equal(next.status, 0, next.stderr);
  assert.deepEqual(leftovers(output), [], "the dead build's staging folder is removed");
  assert.ok(existsSync(path.join(output, "posts/aR20FWCCjAs/index.html")));
});

test("two consecutive builds of the corpus produce identical files", () => {
  const a = path.join(tmp, "corpus-a");
  const b = path.join(tmp, "corpus-b");
  for (const out of [a, b]) {
    const r = runScript("build.ts", [`--input=${posts}`, `--output=${out}`], { NO_SEARCH: "1" });
    assert.equal(r.status, 0, r.stderr);
  }
  const first = snapshot(a);
  assert.ok(first.size > 59, "every post and index page was written");
  const diff = firstDifference(first, snapshot(b));
  assert.equal(diff, undefined, `the builds differ: ${diff}`);
});

test("a build that fails inside Eleventy leaves the output untouched and no staging folder", () => {
  const output = path.join(tmp, "kept");
  mkdirSync(output);
  writeFileSync(path.join(output, "index.html"), "previous site");
  // The posts are valid, so the check passes and the staging folder is made; then the Eleventy config
  // (loaded inside Eleventy's write) throws on the invalid drafts setting.
  const r = runScript("build.ts", ["--input=content", `--output=${output}`], { NO_SEARCH: "1", TRANSCRIPTS_DRAFTS: "bogus" });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /Error in your Eleventy config file/, "the failure came from inside Eleventy, after the front-matter check");
  assert.match(r.stderr, /build failed: .*\n.*left as it was/);
  assert.ok(!hasStackTrace(r.stderr), `no stack trace:\n${r.stderr}`);
  assert.deepEqual(readdirSync(output), ["index.html"]);
  assert.equal(readFileSync(path.join(output, "index.html"), "utf8"), "previous site");
  assert.deepEqual(leftovers(output), [], "the staging folder is discarded");
});
