/**
 * Incremental publishing of list pages and warnings (src/build/incremental.ts, list-keys.ts): a
 * build over the previous site renders only the home, term and taxonomy index pages whose content
 * changed and copies the rest, reads a copied post's warnings from the manifest instead of parsing
 * it, and its output is byte for byte a clean build's. Also: a clean build rendered by several
 * Eleventy runs at once (src/build/render.ts) writes the same site as one run.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildHere, corpusDir, FIXTURE_SITE_FILE, siteDifferences, tempDir } from "../helpers.js";

const work = tempDir("incremental-lists");
const posts = path.join(work, "posts");
const site = path.join(work, "site");
// Two posts a page, so that a handful of posts has several home and term pages.
const settings = path.join(work, "site.json");
writeFileSync(settings, JSON.stringify({ ...JSON.parse(readFileSync(FIXTURE_SITE_FILE, "utf8")), postsPerPage: 2 }));
let cleanRuns = 0;

function writePost(slug: string, title: string, date: string, tags: string[], speaker = "Lex Fridman"): void {
  const front = `---\ntitle: ${title}\ndate: '${date}'\nspeaker: ${speaker}\ntags:\n${tags.map((t) => `- ${t}`).join("\n")}\n---\n`;
  const body = `### 开场\n\n**主持人:** ${title}的第一段。\n\n<details>\n<summary>View/Hide Original English</summary>\n<p class="english-text">The first passage of ${slug}.</p>\n</details>\n`;
  writeFileSync(path.join(posts, `${slug}.md`), front + body);
}

interface Step {
  posts: [number, number];
  lists: [number, number];
  parsed: number;
  stderr: string;
}

/** A build in this process (buildHere: no process to start). */
function buildNow(out: string, extra: string[] = []): Promise<{ status: number; stderr: string }> {
  return buildHere([`--site=${settings}`, `--input=${posts}`, `--output=${out}`, ...extra], { NO_SEARCH: "1" });
}

/** Build over the previous site, check it against a clean build, and return what was rendered and copied. */
async function rebuildAndCompare(): Promise<Step> {
  const r = await buildNow(site);
  assert.equal(r.status, 0, r.stderr);
  const p = /post pages: (\d+) rendered, (\d+) unchanged ones copied/.exec(r.stderr);
  const l = /list pages \(home, terms, taxonomy indexes\): (\d+) rendered, (\d+) unchanged ones copied; copied posts parsed again for their warnings: (\d+)/.exec(r.stderr);
  assert.ok(p && l, r.stderr);
  const clean = path.join(work, `clean-${cleanRuns++}`);
  const c = await buildNow(clean, ["--no-cache"]);
  assert.equal(c.status, 0, c.stderr);
  assert.deepEqual(siteDifferences(site, clean), []);
  rmSync(clean, { recursive: true, force: true });
  return { posts: [Number(p[1]), Number(p[2])], lists: [Number(l[1]), Number(l[2])], parsed: Number(l[3]), stderr: r.stderr };
}


test("incremental list pages and warnings: rendered only when what they show changed, byte-identical to clean builds", async (t) => {
  mkdirSync(posts);
  writePost("a1", "甲一", "2025-01-01", ["shared", "rl"]);
  writePost("a2", "甲二", "2025-02-01", ["shared", "agents"]);
  writePost("a3", "甲三", "2025-03-01", ["shared", "rl"], "Dwarkesh Patel");
  writePost("a4", "甲四", "2025-04-01", ["agents", "robots"]);
  writePost("a5", "甲五", "2025-05-01", ["shared", "robots"], "Dwarkesh Patel");
  writePost("a6", "甲六", "2025-06-01", ["old-only", "old-two"]);
  writePost("a7", "甲七", "2025-07-01", ["old-only", "old-two"]);
  // A real post with defects: its warnings must come from the manifest when its page is copied.
  copyFileSync(path.join(corpusDir, "close-sdetails-qp9EXiyX-f4.md"), path.join(posts, "close-sdetails-qp9EXiyX-f4.md"));

  const first = await buildNow(site);
  assert.equal(first.status, 0, first.stderr);
  const firstWarnings = first.stderr.split("\n").filter((l) => / warning /.test(l));
  assert.ok(firstWarnings.some((l) => l.includes("close-sdetails-qp9EXiyX-f4.md")), first.stderr);

  await t.test("nothing changed: every list page copied, no transcript parsed, the same warnings", async () => {
    const step = await rebuildAndCompare();
    assert.equal(step.posts[0], 0);
    assert.equal(step.lists[0], 0, step.stderr);
    assert.ok(step.lists[1] > 10, step.stderr);
    assert.equal(step.parsed, 0, "the copied posts' warnings come from the manifest");
    assert.deepEqual(step.stderr.split("\n").filter((l) => / warning /.test(l)), firstWarnings);
    const strict = await buildNow(site, ["--strict"]);
    assert.equal(strict.status, 1, "--strict fails on a copied post's kept warnings");
    assert.match(strict.stderr, /close-sdetails-qp9EXiyX-f4\.md:\d+:\d+ warning/);
  });

  await t.test("one post added, newest: the home pages and its terms' pages are rendered, the others copied", async () => {
    writePost("a8", "甲八", "2025-08-01", ["robots", "brand-new"]);
    const step = await rebuildAndCompare();
    assert.ok(step.lists[0] > 0 && step.lists[1] > 0, step.stderr);
    // The old posts' own tags (old-only, old-two) list the same posts on the same pages.
    assert.equal(step.parsed, 0);
  });

  await t.test("a post's title edited: the pages that list it are rendered again", async () => {
    const file = path.join(posts, "a2.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("title: 甲二", "title: 甲二（修订）"));
    const step = await rebuildAndCompare();
    assert.ok(step.lists[0] >= 3, `its home page, and its tags' pages: ${step.stderr}`);
    assert.match(readFileSync(path.join(site, "tags/agents/index.html"), "utf8"), /甲二（修订）/);
  });

  await t.test("a post's transcript edited: its warnings are found again, its lists copied", async () => {
    const file = path.join(posts, "close-sdetails-qp9EXiyX-f4.md");
    writeFileSync(file, `${readFileSync(file, "utf8")}\n\n多出来的一段。\n\n</details>\n`);
    const step = await rebuildAndCompare();
    assert.equal(step.posts[0] >= 1, true);
    assert.equal(step.lists[0], 0, "a transcript is on no list page");
    assert.match(step.stderr, /close-sdetails-qp9EXiyX-f4\.md:\d+:\d+ warning/);
  });

  await t.test("a copied list page that was truncated in the previous site is rendered again", async () => {
    const page = path.join(site, "tags/shared/index.html");
    writeFileSync(page, readFileSync(page).subarray(0, 100));
    const step = await rebuildAndCompare();
    assert.equal(step.lists[0], 1, step.stderr);
  });
});

test("a clean build rendered by two Eleventy runs at once is byte for byte one run's, warnings included", async () => {
  const one = path.join(work, "runs-1");
  const two = path.join(work, "runs-2");
  // Both in this process: one run renders on this thread, two start a worker thread beside it.
  const a = await buildHere([`--site=${settings}`, `--input=${posts}`, `--output=${one}`], { NO_SEARCH: "1", TRANSCRIPTS_RENDER_RUNS: "1" });
  const b = await buildHere([`--site=${settings}`, `--input=${posts}`, `--output=${two}`], { NO_SEARCH: "1", TRANSCRIPTS_RENDER_RUNS: "2" });
  assert.equal(a.status, 0, a.stderr);
  assert.equal(b.status, 0, b.stderr);
  assert.deepEqual(siteDifferences(one, two), []);
  const warnings = (s: string): string[] => s.split("\n").filter((l) => / warning /.test(l));
  assert.ok(warnings(a.stderr).length > 0);
  assert.deepEqual(warnings(b.stderr), warnings(a.stderr));
});
