/**
 * The build never damages the previous site: not when it is killed midway, not when Eleventy fails,
 * and two builds of the same posts produce the same bytes (so a deploy changes only what changed).
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { SITE_MARKER, SITE_MARKER_TEXT } from "../../src/build/output-guard.js";
import { BROKEN_YAML_POST, buildHere, corpusDir, corpusSite, FIXTURE_SITE_FILE, root, seedFolder, type RunResult } from "../helpers.js";

const tmp = mkdtempSync(path.join(tmpdir(), "safe-build-"));
/** The 59 real posts that build (the corpus minus its one broken-YAML post). */
const posts = path.join(tmp, "posts");
const BUILD = path.join(root, "scripts/build.ts");

before(() => {
  mkdirSync(posts);
  for (const name of readdirSync(corpusDir)) {
    if (name.endsWith(".md") && name !== BROKEN_YAML_POST && !name.startsWith("MANIFEST")) cpSync(path.join(corpusDir, name), path.join(posts, name));
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
  const first = await buildHere([`--input=${seedFolder()}`, `--output=${output}`], { NO_SEARCH: "1" });
  assert.equal(first.status, 0, first.stderr);
  const before = snapshot(output);
  assert.ok(before.has("posts/aR20FWCCjAs/index.html"));

  // The 59 posts take a few seconds to render, long enough to catch the build with a half-written staging folder.
  // Spawned as node itself (not through npm), so the pid killed is the build's and names its staging folder.
  const child = spawn(process.execPath, ["--import", "tsx", BUILD, `--site=${FIXTURE_SITE_FILE}`, `--input=${posts}`, `--output=${output}`], {
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
  // A limit against a hang only: on a loaded machine the build may take a minute to write its first page.
  while (!done && Date.now() - started < 180_000) {
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

  const next = await buildHere([`--input=${seedFolder()}`, `--output=${output}`], { NO_SEARCH: "1" });
  assert.equal(next.status, 0, next.stderr);
  assert.deepEqual(leftovers(output), [], "the dead build's staging folder is removed");
  assert.ok(existsSync(path.join(output, "posts/aR20FWCCjAs/index.html")));
});

test("two builds of the corpus, in two processes, produce identical files", async () => {
  // The other build is the corpus build the suite shares (test/helpers.ts), made by another process,
  // perhaps another day: same posts, settings and prefix, no search. This one is made in this test
  // process, after its other builds (state one build left behind would show as a difference).
  const shared = corpusSite("plain").site;
  const out = path.join(tmp, "corpus-again");
  const r = await buildHere([`--input=${posts}`, `--output=${out}`], { NO_SEARCH: "1" });
  assert.equal(r.status, 0, r.stderr);
  const first = snapshot(out);
  assert.ok(first.size > 59, "every post and index page was written");
  const diff = firstDifference(first, snapshot(shared));
  assert.equal(diff, undefined, `the builds differ: ${diff}`);
});

test("a build that fails inside Eleventy leaves the output untouched and no staging folder", async () => {
  const output = path.join(tmp, "kept");
  mkdirSync(output);
  writeFileSync(path.join(output, "index.html"), "previous site");
  // A site this tool built (the marker): any other folder would be refused before the build starts.
  writeFileSync(path.join(output, SITE_MARKER), SITE_MARKER_TEXT);
  // The posts are valid, so the check passes and the staging folder is made; then rendering fails
  // inside Eleventy (a fault the build injects for tests).
  const r = await buildHere([`--input=${posts}`, `--output=${output}`], { NO_SEARCH: "1", TRANSCRIPTS_FAULT: "render" });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /failed on purpose/, "the failure came from inside Eleventy, after the front-matter check");
  assert.match(r.stderr, /build failed: .*\n.*left as it was/);
  assert.ok(!hasStackTrace(r.stderr), `no stack trace:\n${r.stderr}`);
  assert.deepEqual(readdirSync(output).sort(), [SITE_MARKER, "index.html"]);
  assert.equal(readFileSync(path.join(output, "index.html"), "utf8"), "previous site");
  assert.deepEqual(leftovers(output), [], "the staging folder is discarded");
});

// ---------------------------------------------------------------------------------------------
// Output safety (issue 15, items 1 and 6): refused outputs, and a swap that survives being killed.

/** The three-post series: a quick build, for the tests that build many times. */
const SERIES = path.join(root, "test/fixtures/series");
/** A folder of posts with an error: its build stops after the check (and after any recovery). */
const BAD_POSTS = path.join(root, "test/fixtures/bad-frontmatter");

/** Every entry under `dir` (links not followed; `skip` names left out at any depth), with its bytes or link target. */
function tree(dir: string, skip: readonly string[] = []): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (skip.includes(entry.name)) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      const full = path.join(dir, child);
      if (entry.isSymbolicLink()) entries.set(child, `-> ${readlinkSync(full)}`);
      else if (entry.isDirectory()) {
        entries.set(`${child}/`, "");
        walk(child);
      } else entries.set(child, readFileSync(full).toString("base64"));
    }
  };
  walk("");
  return entries;
}

/**
 * A build with the staging fault hook set (see src/build/staging.ts), from the project's own scripts,
 * in a process of its own: for the faults that kill or end the process. What such a build leaves is
 * named by its pid, and the next build recovers it once that process is gone. (A fault that only
 * fails is injected in this process: failingBuild.)
 */
function faultyBuild(input: string, output: string, fault: string): RunResult & { signal: NodeJS.Signals | null } {
  const r = spawnSync(process.execPath, ["--import", "tsx", BUILD, `--site=${FIXTURE_SITE_FILE}`, `--input=${input}`, `--output=${output}`], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, INIT_CWD: root, NO_SEARCH: "1", TRANSCRIPTS_STAGING_FAULT: fault },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

/**
 * A build in this process with a fault that only fails (`fail:POINT`, see src/build/staging.ts): what
 * it leaves is named by this process, and the next build here takes it as an earlier build's (it is).
 */
const failingBuild = (input: string, output: string, fault: string): Promise<RunResult> =>
  buildHere([`--input=${input}`, `--output=${output}`], { NO_SEARCH: "1", TRANSCRIPTS_STAGING_FAULT: fault });

/** A site of the series built into `name`, with its snapshot. */
async function builtSite(name: string): Promise<{ output: string; before: Map<string, Buffer> }> {
  const output = path.join(tmp, name);
  const r = await buildHere([`--input=${SERIES}`, `--output=${output}`], { NO_SEARCH: "1" });
  assert.equal(r.status, 0, r.stderr);
  return { output, before: snapshot(output) };
}

/** The folders a build's swap parks the previous site in. */
const previousFolders = (output: string): string[] => leftovers(output).filter((n) => n.includes("-previous-"));

test("outputs the build (and the dev server) must not replace are refused with exit 2 and one line, and nothing is touched", async () => {
  // A copy of the project (its own src/, scripts/, templates; node_modules linked), so that a guard
  // that failed would delete the copy and not this checkout.
  const base = path.join(tmp, "refusals");
  const project = path.join(base, "project");
  mkdirSync(project, { recursive: true });
  for (const name of readdirSync(root)) {
    if ([".git", ".cache", "node_modules", "_site", "content", "test", "tmp", "bench"].includes(name) || name.startsWith(".scratch")) continue;
    cpSync(path.join(root, name), path.join(project, name), { recursive: true });
  }
  symlinkSync(path.join(root, "node_modules"), path.join(project, "node_modules"));
  mkdirSync(path.join(project, "content"));
  cpSync(path.join(SERIES, "part-1.md"), path.join(project, "content", "part-1.md"));
  const archive = path.join(base, "archive");
  mkdirSync(path.join(archive, "posts"), { recursive: true });
  cpSync(path.join(SERIES, "part-2.md"), path.join(archive, "posts", "part-2.md"));
  mkdirSync(path.join(base, "notes"));
  writeFileSync(path.join(base, "notes", "thesis.tex"), "my own work");
  writeFileSync(path.join(base, "notes.txt"), "a file");
  symlinkSync(project, path.join(base, "link-to-project"));

  const cases: Array<[args: string[], reason: RegExp]> = [
    [["--output=."], /is the project folder/],
    [["--output=.."], /holds the project folder/],
    [["--output=content"], /is the posts folder/],
    [["--output=content/site"], /inside the posts folder/],
    [[`--input=${archive}/posts`, `--output=${archive}`], /holds the posts folder/],
    [[`--input=${archive}/posts`, `--output=${archive}/posts`], /is the posts folder/],
    [["--output=package.json"], /is a file, not a folder/],
    [[`--output=${base}/notes.txt`], /is a file, not a folder/],
    [[`--output=${base}/notes`], /holds files this tool did not build/],
    [["--output=src"], /holds files this tool did not build/],
    [[`--output=${base}/link-to-project`], /is the project folder/],
  ];
  const before = tree(base, ["node_modules"]);
  // Two refusals are processes of their own (the copy's scripts/build.ts: exit code and stderr as a
  // user sees them); the others are the copy's build command run one after the other in one further
  // process (test/build-in-copy.ts), which must print nothing else. All at once: they only start and refuse.
  const inProcess = new Set(cases.keys());
  inProcess.delete(0);
  inProcess.delete(cases.length - 1);
  const run = promisify(execFile);
  const node = async (script: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<RunResult> => {
    try {
      const r = await run(process.execPath, ["--import", "tsx", path.join(project, "scripts", script), `--site=${FIXTURE_SITE_FILE}`, ...args], { cwd: project, encoding: "utf8", env: { ...process.env, INIT_CWD: project, ...env }, timeout: 60_000, killSignal: "SIGKILL" });
      return { status: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      const failed = e as { code?: number | string; stdout?: string; stderr?: string };
      return { status: typeof failed.code === "number" ? failed.code : -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? String(e) };
    }
  };
  const driver = path.join(root, "test/build-in-copy.ts");
  const [batch, ...alone] = await Promise.all([
    run(process.execPath, ["--import", "tsx", driver, project, JSON.stringify([...inProcess].map((k) => [`--site=${FIXTURE_SITE_FILE}`, ...cases[k]![0]]))], { cwd: project, encoding: "utf8", env: { ...process.env, INIT_CWD: project, NO_SEARCH: "1" }, timeout: 60_000, killSignal: "SIGKILL", maxBuffer: 16 * 1024 * 1024 }),
    ...[...cases.keys()].filter((k) => !inProcess.has(k)).map((k) => node("build.ts", cases[k]![0], { NO_SEARCH: "1" })),
  ]);
  assert.equal(batch.stderr, "", "the build commands run in one process print only through the command's own lines");
  const batched = JSON.parse(batch.stdout) as RunResult[];
  const results = [...cases.keys()].map((k) => (inProcess.has(k) ? batched.shift()! : alone.shift()!));
  for (const [k, [args, reason]] of cases.entries()) {
    const r = results[k]!;
    const what = args.join(" ");
    assert.equal(r.status, 2, `${what}: exit 2\n${r.stderr}`);
    const lines = r.stderr.trim().split("\n");
    assert.equal(lines.length, 1, `${what}: one line\n${r.stderr}`);
    assert.match(lines[0]!, /^build: .*Choose /, `${what}: says what to do`);
    assert.match(lines[0]!, reason, what);
  }
  const afterBuilds = tree(base, ["node_modules"]);
  assert.deepEqual([...new Set([...before.keys(), ...afterBuilds.keys()])].filter((k) => before.get(k) !== afterBuilds.get(k)), [], "the refused builds touched nothing");
  // The dev server writes over its output folder as it goes: the same folders are refused before it starts.
  const serveCases = [[["--output=."], /is the project folder/], [["--output=content"], /is the posts folder/], [["--output=src"], /did not build/]] as const;
  const served = await Promise.all(serveCases.map(([args]) => node("serve.ts", ["--port=0", ...args], {})));
  for (const [k, [args, reason]] of serveCases.entries()) {
    const r = served[k]!;
    assert.equal(r.status, 2, `npm start -- ${args.join(" ")}: exit 2\n${r.stdout}${r.stderr}`);
    assert.match(r.stderr.trim(), new RegExp(`^start: --output=\\S+ .*${reason.source}.*Choose [^\\n]*$`), args.join(" "));
  }
  const now = tree(base, ["node_modules"]);
  assert.deepEqual([...new Set([...before.keys(), ...now.keys()])].filter((k) => before.get(k) !== now.get(k)), [], "the dev server touched nothing");
  assert.ok(existsSync(path.join(project, "node_modules")), "the copy's link to node_modules is still there");
});

test("an empty folder and a site this tool built are replaced; the site carries the marker, and no page lists it", async () => {
  const output = path.join(tmp, "marked");
  mkdirSync(output);
  const first = await buildHere([`--input=${SERIES}`, `--output=${output}`], { NO_SEARCH: "1" });
  assert.equal(first.status, 0, first.stderr);
  assert.deepEqual(JSON.parse(readFileSync(path.join(output, SITE_MARKER), "utf8")), JSON.parse(SITE_MARKER_TEXT));
  assert.doesNotMatch(readFileSync(path.join(output, "sitemap.xml"), "utf8"), /transcripts-site/);
  writeFileSync(path.join(output, "stale.html"), "left by hand in a built site");
  const second = await buildHere([`--input=${SERIES}`, `--output=${output}`], { NO_SEARCH: "1" });
  assert.equal(second.status, 0, second.stderr);
  assert.ok(!existsSync(path.join(output, "stale.html")), "a built site is replaced as a whole");
  assert.ok(existsSync(path.join(output, "posts/part-1/index.html")));
});

test("killed (kill -9) between the two renames: the next run puts the previous site back, even when it then fails", async () => {
  const { output, before } = await builtSite("killed-between");
  const killed = faultyBuild(SERIES, output, "kill:between-renames");
  assert.equal(killed.signal, "SIGKILL", `the build was killed by the hook\n${killed.stderr}`);
  assert.ok(!existsSync(output), "the kill came between the renames: no site at the output path");
  const parked = previousFolders(output);
  assert.equal(parked.length, 1, "the previous site is parked beside it");
  assert.equal(firstDifference(before, snapshot(path.join(tmp, parked[0]!))), undefined);

  // A run whose posts have errors still restores the previous site first, and says so.
  const failing = await buildHere([`--input=${BAD_POSTS}`, `--output=${output}`], { NO_SEARCH: "1" });
  assert.equal(failing.status, 1, failing.stderr);
  assert.match(failing.stderr, /restored the previous site into .*killed-between from \.killed-between-previous-\d+/);
  assert.equal(firstDifference(before, snapshot(output)), undefined, "the previous site is back, byte-identical");
  assert.deepEqual(leftovers(output), []);

  const next = await buildHere([`--input=${SERIES}`, `--output=${output}`], { NO_SEARCH: "1" });
  assert.equal(next.status, 0, next.stderr);
  assert.deepEqual(leftovers(output), []);
});

test("exited between the two renames: the next successful build restores, then replaces, the previous site", async () => {
  const { output } = await builtSite("exited-between");
  const exited = faultyBuild(SERIES, output, "exit:between-renames");
  assert.equal(exited.status, 70, exited.stderr);
  assert.ok(!existsSync(output));
  const next = await buildHere([`--input=${seedFolder()}`, `--output=${output}`], { NO_SEARCH: "1" });
  assert.equal(next.status, 0, next.stderr);
  assert.match(next.stderr, /restored the previous site/);
  assert.ok(existsSync(path.join(output, "posts/aR20FWCCjAs/index.html")), "the new site is in place");
  assert.ok(!existsSync(path.join(output, "posts/part-1/index.html")), "the previous one is gone");
  assert.deepEqual(leftovers(output), []);
});

test("killed after the new site is in place: the next run deletes the old copy, and only then", async () => {
  const { output } = await builtSite("killed-after");
  const killed = faultyBuild(seedFolder(), output, "kill:before-cleanup");
  assert.equal(killed.signal, "SIGKILL", killed.stderr);
  assert.ok(existsSync(path.join(output, "posts/aR20FWCCjAs/index.html")), "the new site is in place");
  assert.ok(existsSync(path.join(output, SITE_MARKER)));
  assert.equal(previousFolders(output).length, 1);
  const after = snapshot(output);
  const failing = await buildHere([`--input=${BAD_POSTS}`, `--output=${output}`], { NO_SEARCH: "1" });
  assert.equal(failing.status, 1);
  assert.deepEqual(leftovers(output), [], "the old copy is deleted: the output holds a complete site");
  assert.equal(firstDifference(after, snapshot(output)), undefined, "and the new site is untouched");
});

test("a previous site parked beside an output that is not a complete site is kept, and the run says so", async () => {
  const { output, before } = await builtSite("not-complete");
  const killed = faultyBuild(SERIES, output, "kill:between-renames");
  assert.equal(killed.signal, "SIGKILL");
  // Somebody made an empty folder at the output path meanwhile: not a site, so the old copy must stay.
  mkdirSync(output);
  const next = await buildHere([`--input=${BAD_POSTS}`, `--output=${output}`], { NO_SEARCH: "1" });
  assert.equal(next.status, 1);
  assert.match(next.stderr, /kept .*not-complete-previous-\d+.*not a complete site/);
  const parked = previousFolders(output);
  assert.equal(parked.length, 1);
  assert.equal(firstDifference(before, snapshot(path.join(tmp, parked[0]!))), undefined);
});

test("a build that fails with no previous site says that nothing was written, and writes nothing", async () => {
  const output = path.join(tmp, "never-made");
  const r = await buildHere([`--input=${posts}`, `--output=${output}`], { NO_SEARCH: "1", TRANSCRIPTS_FAULT: "render" });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /build failed: .*failed on purpose.*\nNothing was written to .*never-made\./);
  assert.doesNotMatch(r.stderr, /previous site/);
  assert.ok(!existsSync(output));
});

test("when the old site cannot be deleted, the build says the new one is in place and where the old one is", async () => {
  const { output } = await builtSite("undeletable");
  const r = await failingBuild(seedFolder(), output, "fail:cleanup");
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /left as it was/);
  assert.match(r.stderr, /the new site is in place, but the previous one could not be deleted \(injected failure at cleanup.*\); it is still in .*\.undeletable-previous-\d+: delete it yourself/);
  assert.ok(existsSync(path.join(output, "posts/aR20FWCCjAs/index.html")));
  assert.equal(previousFolders(output).length, 1);
  const next = await buildHere([`--input=${seedFolder()}`, `--output=${output}`], { NO_SEARCH: "1" });
  assert.equal(next.status, 0, next.stderr);
  assert.deepEqual(leftovers(output), [], "the next build deletes it");
});

test("when the new site cannot be moved in, the old one is moved back and the message says so; when that fails too, it says where the old one is", async () => {
  const { output, before } = await builtSite("unmovable");
  const r = await failingBuild(seedFolder(), output, "fail:second-rename");
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /build failed: injected failure at second-rename.*\n.*left as it was/);
  assert.equal(firstDifference(before, snapshot(output)), undefined);
  assert.deepEqual(leftovers(output), []);

  const worse = await failingBuild(seedFolder(), output, "fail:second-rename,fail:move-back");
  assert.equal(worse.status, 1, worse.stderr);
  assert.doesNotMatch(worse.stderr, /left as it was/);
  assert.match(worse.stderr, /nor the previous site moved back .*; the previous site is in .*\.unmovable-previous-\d+, and the next build puts it back/);
  assert.ok(!hasStackTrace(worse.stderr), worse.stderr);
  assert.ok(!existsSync(output));
  const next = await buildHere([`--input=${BAD_POSTS}`, `--output=${output}`], { NO_SEARCH: "1" });
  assert.match(next.stderr, /restored the previous site/);
  assert.equal(firstDifference(before, snapshot(output)), undefined);
  assert.deepEqual(leftovers(output), []);
});
