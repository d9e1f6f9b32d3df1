/**
 * The GitHub workflows: their structure, and the scripts inside them, are checked here because
 * GitHub only runs them after a push, far too late to learn that a step is missing, out of order,
 * wired to the wrong output, or that a content push would deploy code untested.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { root, tempDir } from "../helpers.js";

// Only the parts of the workflow syntax these files use; anything else passes through unchecked.
const stepSchema = z.object({
  name: z.string().optional(),
  id: z.string().optional(),
  uses: z.string().optional(),
  run: z.string().optional(),
  with: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  env: z.record(z.string(), z.string()).optional(),
});
type Step = z.infer<typeof stepSchema>;
const jobSchema = z.object({
  "runs-on": z.string().optional(),
  needs: z.union([z.string(), z.array(z.string())]).optional(),
  if: z.string().optional(),
  uses: z.string().optional(),
  outputs: z.record(z.string(), z.string()).optional(),
  permissions: z.record(z.string(), z.string()).optional(),
  environment: z.union([z.string(), z.object({ name: z.string(), url: z.string().optional() })]).optional(),
  steps: z.array(stepSchema).optional(),
});
const triggerSchema = z
  .object({ branches: z.array(z.string()).optional(), "branches-ignore": z.array(z.string()).optional(), "paths-ignore": z.array(z.string()).optional() })
  .nullable();
const workflowSchema = z.object({
  name: z.string(),
  // `workflow_dispatch:` with nothing after it parses as null, so the trigger map's values may be null.
  on: z.record(z.string(), triggerSchema),
  permissions: z.record(z.string(), z.string()),
  concurrency: z.object({ group: z.string(), "cancel-in-progress": z.boolean() }).optional(),
  jobs: z.record(z.string(), jobSchema),
});
type Workflow = z.infer<typeof workflowSchema>;

const load = (name: string): Workflow => workflowSchema.parse(parse(readFileSync(path.join(root, ".github/workflows", name), "utf8")));
const pages = load("pages.yml");
const tests = load("test.yml");
const steps = (wf: Workflow, job: string): Step[] => {
  const j = wf.jobs[job];
  assert.ok(j?.steps, `a job named ${job} with steps`);
  return j.steps;
};

/** Index of the one step matching `pred`; fails naming `what` when there is none or more than one. */
function stepIndex(list: readonly Step[], what: string, pred: (s: Step) => boolean): number {
  const found = list.flatMap((s, i) => (pred(s) ? [i] : []));
  assert.equal(found.length, 1, `expected exactly one '${what}' step, found ${found.length}`);
  return found[0]!;
}

/** Assert that the steps matching each entry exist once and come in this order; returns their indexes. */
function assertOrder(list: readonly Step[], order: Array<[string, (s: Step) => boolean]>): number[] {
  const indexes = order.map(([what, pred]) => stepIndex(list, what, pred));
  for (let i = 1; i < indexes.length; i++) assert.ok(indexes[i]! > indexes[i - 1]!, `'${order[i]![0]}' must come after '${order[i - 1]![0]}'`);
  return indexes;
}

const usesAction = (name: string) => (s: Step): boolean => s.uses?.split("@")[0] === name;
const runs = (pattern: RegExp) => (s: Step): boolean => s.run !== undefined && pattern.test(s.run);

/** Run a step's script with bash in `cwd`; returns its GITHUB_OUTPUT and the result. */
function runStep(script: string, env: Record<string, string>, cwd: string): { status: number; output: string; stdout: string } {
  const out = path.join(tempDir("github-output"), "output");
  writeFileSync(out, "");
  // As a runner runs a step (`bash -e {0}`), with no input: Node's stdio pipes are sockets, and bash
  // reads the user's ~/.bashrc when its input is a socket (as under sshd), which a runner's never
  // does (on the session machines, a pyenv set-up costing a quarter of a second each time).
  const r = spawnSync("bash", ["-e", "-c", script], { cwd, env: { PATH: process.env.PATH ?? "", GITHUB_OUTPUT: out, ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return { status: r.status ?? -1, output: readFileSync(out, "utf8"), stdout: r.stdout + r.stderr };
}

test("pages.yml: pushes to main and manual runs; Pages permissions only; deployments queue", () => {
  assert.deepEqual(Object.keys(pages.on).sort(), ["push", "workflow_dispatch"]);
  assert.deepEqual(pages.on.push?.branches, ["main"]);
  assert.deepEqual(pages.permissions, { contents: "read", pages: "write", "id-token": "write" });
  assert.deepEqual(pages.concurrency, { group: "pages", "cancel-in-progress": false });
});

test("pages.yml job graph: changes → tests (test.yml, only when code changed) → build → deploy", () => {
  assert.deepEqual(Object.keys(pages.jobs).sort(), ["build", "changes", "deploy", "tests"]);
  const { changes, tests: testsJob, build, deploy } = pages.jobs;
  assert.equal(changes!.outputs?.code, "${{ steps.diff.outputs.code }}");
  assert.deepEqual([testsJob!.needs].flat(), ["changes"]);
  assert.equal(testsJob!.uses, "./.github/workflows/test.yml", "the whole suite is test.yml's, defined once");
  assert.equal(testsJob!.if, "needs.changes.outputs.code == 'true'");
  assert.deepEqual(testsJob!.permissions, { contents: "read" });
  assert.deepEqual([build!.needs].flat().sort(), ["changes", "tests"]);
  // A skipped `tests` (content only) lets the build run; a failed or cancelled one never does.
  assert.match(build!.if ?? "", /!cancelled\(\)/);
  assert.match(build!.if ?? "", /needs\.tests\.result == 'success' \|\| needs\.tests\.result == 'skipped'/);
  assert.match(build!.if ?? "", /needs\.changes\.result == 'success'/);
  assert.deepEqual([deploy!.needs].flat(), ["build"]);
});

test("pages.yml build job: content gates, then build, size guard and upload, in this order", () => {
  const list = steps(pages, "build");
  const indexes = assertOrder(list, [
    ["checkout", usesAction("actions/checkout")],
    ["setup-node", usesAction("actions/setup-node")],
    ["npm ci", runs(/^npm ci\s*$/)],
    ["typecheck", runs(/^npm run typecheck\b/)],
    ["content check", runs(/^npm run check -- --format=github\b/)],
    ["unit tests", runs(/^npm run test:unit\b/)],
    ["configure-pages", usesAction("actions/configure-pages")],
    ["path prefix", (s) => s.id === "prefix"],
    ["previous site", usesAction("actions/cache")],
    ["build", runs(/^npm run build\b/)],
    ["size guard", (s) => s.id === "size"],
    ["upload-pages-artifact", usesAction("actions/upload-pages-artifact")],
  ]);
  const setupNode = list[indexes[1]!]!;
  assert.equal(String(setupNode.with?.["node-version"]), "20", "the Node version package.json's engines names");
  assert.equal(setupNode.with?.cache, "npm");
  assert.equal(list[indexes[6]!]!.id, "pages", "configure-pages has the id the later steps read outputs from");
  assert.equal(list[indexes[11]!]!.with?.path, "_site", "the artifact is the build's default output folder");
});

test("pages.yml keeps the previous site for incremental builds, invalidated by any change of code, templates, assets or lock file", () => {
  const cache = steps(pages, "build").find(usesAction("actions/cache"))!;
  assert.equal(cache.with?.path, "_site", "the folder the build reads its previous pages from");
  const key = String(cache.with?.key);
  const restore = String(cache.with?.["restore-keys"]);
  const hashed = /hashFiles\(([^)]*)\)/.exec(key)?.[1] ?? "";
  for (const input of ["'package-lock.json'", "'.eleventy.ts'", "'src/**'", "'_includes/**'", "'pages/**'", "'_data/ui.json'", "'assets/**'"]) assert.ok(hashed.includes(input), `the key hashes ${input}`);
  // Each run saves under its own key; a later run restores the newest with the same code hash only.
  assert.match(key, /-\$\{\{ github\.sha \}\}$/);
  assert.equal(restore, key.replace(/\$\{\{ github\.sha \}\}$/, ""), "restore-keys is the key without the commit");
  assert.ok(restore.endsWith("-") && restore.includes("hashFiles("), "a prefix that still names the code hash, never a bare prefix that would match any code");
});

test("test.yml: the whole suite with a browser, on pull requests and non-main pushes that change code, and when called", () => {
  assert.deepEqual(Object.keys(tests.on).sort(), ["pull_request", "push", "workflow_call"]);
  assert.deepEqual(tests.on.push?.["branches-ignore"], ["main"], "main's pushes run it through pages.yml, not twice");
  assert.deepEqual(tests.permissions, { contents: "read" });
  const list = steps(tests, "test");
  const indexes = assertOrder(list, [
    ["checkout", usesAction("actions/checkout")],
    ["setup-node", usesAction("actions/setup-node")],
    ["npm ci", runs(/^npm ci\s*$/)],
    ["typecheck", runs(/^npm run typecheck\b/)],
    ["fonts", runs(/apt-get install .*fonts-noto-cjk/)],
    ["tests", runs(/^npm test\s*$/)],
  ]);
  const chromium = list[indexes[5]!]!.env?.CHROMIUM_PATH;
  assert.ok(chromium?.startsWith("/"), "CHROMIUM_PATH is an absolute path");
  // If the browser helper ever reads another variable, this workflow would silently test nothing in CI.
  assert.match(readFileSync(path.join(root, "test/browser/chromium.ts"), "utf8"), /process\.env\.CHROMIUM_PATH\b/);
});

/** Whether a path matches one of test.yml's paths-ignore patterns (`dir/**` or an exact path). */
const ignoredByTests = (file: string): boolean =>
  (tests.on.pull_request?.["paths-ignore"] ?? []).some((p) => (p.endsWith("/**") ? file.startsWith(p.slice(0, -2)) : file === p));

test("what counts as content is the same in both workflows, and the changes step decides from the push's files", (t) => {
  assert.deepEqual(tests.on.pull_request?.["paths-ignore"], tests.on.push?.["paths-ignore"]);
  if (spawnSync("git", ["--version"]).error) return t.skip("git is not installed");
  const script = steps(pages, "changes").find((s) => s.id === "diff")!.run!;
  const repo = tempDir("workflow-git");
  const git = (...args: string[]): string => {
    const r = spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd: repo, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim();
  };
  git("init", "-q");
  writeFileSync(path.join(repo, "seed"), "0");
  git("add", "-A");
  git("commit", "-q", "-m", "first");
  const samples = ["content/new-post.md", "content/sub/dir/post.md", "_data/site.json", "README.md", "src/options.ts", "_data/ui.json", "package-lock.json", "_includes/post.njk", ".github/workflows/pages.yml", "test/helpers.ts", "docs/README.md", "contentx/a.md"];
  for (const file of samples) {
    const before = git("rev-parse", "HEAD");
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), `${file}\n${Math.random()}`);
    git("add", "-A");
    git("commit", "-q", "-m", file);
    const r = runStep(script, { EVENT: "push", BEFORE: before, AFTER: git("rev-parse", "HEAD") }, repo);
    assert.equal(r.status, 0, r.stdout);
    assert.equal(r.output, `code=${!ignoredByTests(file)}\n`, `${file}: ${r.stdout}`);
  }
  // A manual run, a new branch (no previous commit) or a previous commit not in the history: run everything.
  for (const env of [{ EVENT: "workflow_dispatch", BEFORE: "" }, { EVENT: "push", BEFORE: "0000000000000000000000000000000000000000" }, { EVENT: "push", BEFORE: "1234567890abcdef1234567890abcdef12345678" }]) {
    assert.equal(runStep(script, { ...env, AFTER: git("rev-parse", "HEAD") }, repo).output, "code=true\n", JSON.stringify(env));
  }
});

test("the build gets the path prefix computed from configure-pages' base_path, and the site's origin", () => {
  const list = steps(pages, "build");
  const prefixStep = list.find((s) => s.id === "prefix")!;
  assert.equal(prefixStep.env?.BASE_PATH, "${{ steps.pages.outputs.base_path }}");
  const buildStep = list.find(runs(/^npm run build\b/))!;
  assert.equal(buildStep.env?.SITE_URL, "${{ steps.pages.outputs.origin }}");
  const prefixVar = Object.entries(buildStep.env ?? {}).find(([, v]) => v === "${{ steps.prefix.outputs.value }}")?.[0];
  assert.ok(prefixVar, "the build step receives steps.prefix.outputs.value through env");
  assert.match(buildStep.run!, new RegExp(`--pathprefix="?\\$\\{?${prefixVar}\\}?"?`), "and passes it as --pathprefix");
});

test("the prefix step turns every form of base_path into exactly '/' or '/repo/'", () => {
  const script = steps(pages, "build").find((s) => s.id === "prefix")!.run!;
  const dir = tempDir("workflow-prefix");
  // '' is a user site or a custom domain; '/repo' a project site; the others guard against format drift.
  for (const [basePath, expected] of [["", "/"], ["/repo", "/repo/"], ["/repo/", "/repo/"], ["repo", "/repo/"], ["/", "/"]] as const) {
    const r = runStep(script, { BASE_PATH: basePath }, dir);
    assert.equal(r.status, 0, r.stdout);
    assert.equal(r.output, `value=${expected}\n`, `base_path '${basePath}'`);
  }
});

test("the size guard passes a small site and fails, before the upload, on one over 1 GiB", () => {
  const script = steps(pages, "build").find((s) => s.id === "size")!.run!;
  const dir = tempDir("workflow-size");
  mkdirSync(path.join(dir, "_site"));
  writeFileSync(path.join(dir, "_site/index.html"), "<!doctype html>");
  const small = runStep(script, {}, dir);
  assert.equal(small.status, 0, small.stdout);
  assert.match(small.stdout, /site: 0 MiB in 1 files/);
  // A sparse file: 1.1 GiB of apparent size (what du -b counts), almost nothing on disk.
  const big = spawnSync("truncate", ["-s", "1100M", path.join(dir, "_site/big.bin")]);
  assert.equal(big.status, 0, String(big.stderr));
  const over = runStep(script, {}, dir);
  assert.equal(over.status, 1);
  assert.match(over.stdout, /::error::The site is 11\d\d MiB; GitHub Pages publishes at most 1 GiB/);
});

test("the deploy job needs the build and deploys to the github-pages environment", () => {
  const deployJob = pages.jobs.deploy!;
  assert.deepEqual(deployJob.environment, { name: "github-pages", url: "${{ steps.deployment.outputs.page_url }}" });
  const list = steps(pages, "deploy");
  const deploy = list[stepIndex(list, "deploy-pages", usesAction("actions/deploy-pages"))]!;
  assert.equal(deploy.id, "deployment", "the id the environment URL reads");
});

test("every action is an official one pinned to a major version, and every npm script a workflow runs exists", () => {
  const scripts = Object.keys((JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts);
  for (const wf of [pages, tests]) {
    const all = Object.values(wf.jobs).flatMap((j) => j.steps ?? []);
    for (const s of all.filter((x) => x.uses)) assert.match(s.uses!, /^actions\/[a-z-]+@v\d+$/, s.uses);
    for (const s of all.filter((x) => x.run)) {
      for (const m of s.run!.matchAll(/\bnpm run (\S+)/g)) assert.ok(scripts.includes(m[1]!), `npm run ${m[1]} is a script of package.json`);
      // Expressions pasted into a script are a shell-injection risk; values go through env instead.
      assert.doesNotMatch(s.run!, /\$\{\{/, `step '${s.name ?? s.run}' reads expressions through env`);
    }
  }
});
