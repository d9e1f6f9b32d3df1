/**
 * The GitHub Pages workflow: its structure is asserted here because GitHub only runs it after a
 * push to main, far too late to learn that a step is missing, out of order or wired to the wrong output.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { root } from "../helpers.js";

const WORKFLOW = path.join(root, ".github/workflows/pages.yml");

// Only the parts of the workflow syntax this file uses; anything else passes through unchecked.
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
  "runs-on": z.string(),
  needs: z.union([z.string(), z.array(z.string())]).optional(),
  environment: z.union([z.string(), z.object({ name: z.string(), url: z.string().optional() })]).optional(),
  steps: z.array(stepSchema),
});
const workflowSchema = z.object({
  name: z.string(),
  // `workflow_dispatch:` with nothing after it parses as null, so the trigger map's values may be null.
  on: z.record(z.string(), z.object({ branches: z.array(z.string()).optional() }).nullable()),
  permissions: z.record(z.string(), z.string()),
  concurrency: z.object({ group: z.string(), "cancel-in-progress": z.boolean() }),
  jobs: z.record(z.string(), jobSchema),
});

const source = readFileSync(WORKFLOW, "utf8");
const workflow = workflowSchema.parse(parse(source));
const buildJob = workflow.jobs.build;
const deployJob = workflow.jobs.deploy;

/** Index of the one step matching `pred`; fails naming `what` when there is none or more than one. */
function stepIndex(steps: readonly Step[], what: string, pred: (s: Step) => boolean): number {
  const found = steps.flatMap((s, i) => (pred(s) ? [i] : []));
  assert.equal(found.length, 1, `expected exactly one '${what}' step, found ${found.length}`);
  return found[0]!;
}

const usesAction = (name: string) => (s: Step): boolean => s.uses?.split("@")[0] === name;
const runs = (pattern: RegExp) => (s: Step): boolean => s.run !== undefined && pattern.test(s.run);

test("triggers: pushes to main and manual runs only", () => {
  assert.deepEqual(Object.keys(workflow.on).sort(), ["push", "workflow_dispatch"]);
  assert.deepEqual(workflow.on.push?.branches, ["main"]);
});

test("permissions are the three Pages needs, and deployments queue instead of cancelling each other", () => {
  assert.deepEqual(workflow.permissions, { contents: "read", pages: "write", "id-token": "write" });
  assert.deepEqual(workflow.concurrency, { group: "pages", "cancel-in-progress": false });
});

test("the build job runs the gates, then builds and uploads, in this order", () => {
  assert.ok(buildJob, "a job named build");
  assert.equal(buildJob["runs-on"], "ubuntu-latest");
  const steps = buildJob.steps;
  const order: Array<[string, (s: Step) => boolean]> = [
    ["checkout", usesAction("actions/checkout")],
    ["setup-node", usesAction("actions/setup-node")],
    ["npm ci", runs(/^npm ci\s*$/)],
    ["typecheck", runs(/^npm run typecheck\b/)],
    ["content check", runs(/^npm run check\b/)],
    ["tests", runs(/^npm test\b/)],
    ["configure-pages", usesAction("actions/configure-pages")],
    ["path prefix", (s) => s.id === "prefix"],
    ["build", runs(/^npm run build\b/)],
    ["upload-pages-artifact", usesAction("actions/upload-pages-artifact")],
  ];
  const indexes = order.map(([what, pred]) => stepIndex(steps, what, pred));
  for (let i = 1; i < indexes.length; i++) {
    assert.ok(indexes[i]! > indexes[i - 1]!, `'${order[i]![0]}' must come after '${order[i - 1]![0]}'`);
  }

  const setupNode = steps[indexes[1]!]!;
  assert.equal(String(setupNode.with?.["node-version"]), "20", "the Node version package.json's engines names");
  assert.equal(setupNode.with?.cache, "npm");
  assert.equal(steps[indexes[6]!]!.id, "pages", "configure-pages has the id the later steps read outputs from");
  assert.equal(steps[indexes[9]!]!.with?.path, "_site", "the artifact is the build's default output folder");
});

test("the browser tests get a browser: CHROMIUM_PATH, the variable test/browser/chromium.ts reads", () => {
  const testStep = buildJob!.steps.find(runs(/^npm test\b/))!;
  const chromium = testStep.env?.CHROMIUM_PATH;
  assert.ok(chromium?.startsWith("/"), "CHROMIUM_PATH is an absolute path");
  // If the browser helper ever reads another variable, this workflow would silently test nothing in CI.
  assert.match(readFileSync(path.join(root, "test/browser/chromium.ts"), "utf8"), /process\.env\.CHROMIUM_PATH\b/);
});

test("the build gets the path prefix computed from configure-pages' base_path, and the site's origin", () => {
  const steps = buildJob!.steps;
  const prefixStep = steps.find((s) => s.id === "prefix")!;
  assert.equal(prefixStep.env?.BASE_PATH, "${{ steps.pages.outputs.base_path }}");
  const buildStep = steps.find(runs(/^npm run build\b/))!;
  assert.equal(buildStep.env?.SITE_URL, "${{ steps.pages.outputs.origin }}");
  const prefixVar = Object.entries(buildStep.env ?? {}).find(([, v]) => v === "${{ steps.prefix.outputs.value }}")?.[0];
  assert.ok(prefixVar, "the build step receives steps.prefix.outputs.value through env");
  assert.match(buildStep.run!, new RegExp(`--pathprefix="?\\$\\{?${prefixVar}\\}?"?`), "and passes it as --pathprefix");
});

test("the prefix step turns every form of base_path into exactly '/' or '/repo/'", (t) => {
  const script = buildJob!.steps.find((s) => s.id === "prefix")!.run!;
  const bash = spawnSync("bash", ["--version"]);
  if (bash.error) return t.skip("bash is not installed");
  const dir = mkdtempSync(path.join(tmpdir(), "workflow-"));
  try {
    // '' is a user site or a custom domain; '/repo' a project site; the others guard against format drift.
    for (const [basePath, expected] of [["", "/"], ["/repo", "/repo/"], ["/repo/", "/repo/"], ["repo", "/repo/"], ["/", "/"]] as const) {
      const out = path.join(dir, `out-${expected.replaceAll("/", "_")}-${basePath.length}`);
      const r = spawnSync("bash", ["-e", "-c", script], { env: { PATH: process.env.PATH, BASE_PATH: basePath, GITHUB_OUTPUT: out }, encoding: "utf8" });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(readFileSync(out, "utf8"), `value=${expected}\n`, `base_path '${basePath}'`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the deploy job needs the build and deploys to the github-pages environment", () => {
  assert.ok(deployJob, "a job named deploy");
  assert.deepEqual([deployJob.needs].flat(), ["build"]);
  assert.deepEqual(deployJob.environment, { name: "github-pages", url: "${{ steps.deployment.outputs.page_url }}" });
  const deploy = deployJob.steps[stepIndex(deployJob.steps, "deploy-pages", usesAction("actions/deploy-pages"))]!;
  assert.equal(deploy.id, "deployment", "the id the environment URL reads");
});

test("every action is an official one pinned to a major version, and every npm script it runs exists", () => {
  const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
  for (const s of steps.filter((x) => x.uses)) assert.match(s.uses!, /^actions\/[a-z-]+@v\d+$/, s.uses);
  const scripts = Object.keys((JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts);
  for (const s of steps.filter((x) => x.run)) {
    for (const m of s.run!.matchAll(/\bnpm run (\S+)/g)) assert.ok(scripts.includes(m[1]!), `npm run ${m[1]} is a script of package.json`);
    // Expressions pasted into a script are a shell-injection risk; values go through env instead.
    assert.doesNotMatch(s.run!, /\$\{\{/, `step '${s.name ?? s.run}' reads expressions through env`);
  }
});
