/**
 * Incremental publishing (src/build/incremental.ts): a build over the previous site renders only the
 * post pages that changed, and its output is byte for byte that of a clean build of the same posts,
 * after every kind of change. Each step builds the same output folder again, then a clean build
 * (`--no-cache`, a new folder) of the same posts and settings, and compares every file.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildHere, corpusDir, filesOf, FIXTURE_SITE_FILE, siteDifferences, tempDir } from "../helpers.js";

const work = tempDir("incremental");
const posts = path.join(work, "posts");
const site = path.join(work, "site");
let cleanRuns = 0;

interface Fixture {
  title: string;
  date: string;
  tags?: string[];
  people?: string[];
  series?: string;
  speaker?: string;
  body?: string;
}

const list = (key: string, values: string[] | undefined): string => (values?.length ? `${key}:\n${values.map((v) => `- ${v}`).join("\n")}\n` : "");

function writePost(slug: string, p: Fixture): void {
  const front = `---\ntitle: ${p.title}\ndate: '${p.date}'\n${p.speaker ? `speaker: ${p.speaker}\n` : ""}${p.series ? `series: ${p.series}\n` : ""}${list("tags", p.tags)}${list("people", p.people)}---\n`;
  const body =
    p.body ??
    `### 开场\n\n**主持人:** ${p.title}的第一段。\n\n<details>\n<summary>View/Hide Original English</summary>\n<p class="english-text">The first passage of ${slug}.</p>\n</details>\n\n**嘉宾:** 第二段，讲缩放定律。\n`;
  writeFileSync(path.join(posts, `${slug}.md`), front + body);
}

interface Step {
  rendered: number;
  reused: number;
  full?: string;
}

async function build(out: string, extra: string[] = []): Promise<Step> {
  const r = await buildHere([`--input=${posts}`, `--output=${out}`, ...extra], { NO_SEARCH: "1" });
  assert.equal(r.status, 0, r.stderr);
  const full = /post pages: all (\d+) rendered \((.*)\)/.exec(r.stderr);
  if (full) return { rendered: Number(full[1]), reused: 0, full: full[2] };
  const some = /post pages: (\d+) rendered, (\d+) unchanged ones copied/.exec(r.stderr);
  assert.ok(some, r.stderr);
  return { rendered: Number(some[1]), reused: Number(some[2]) };
}

/** Build the site again over the previous one and check it against a clean build of the same posts. */
async function rebuildAndCompare(extra: string[] = []): Promise<Step> {
  const step = await build(site, extra);
  const clean = path.join(work, `clean-${cleanRuns++}`);
  const cleanStep = await build(clean, [...extra, "--no-cache"]);
  assert.equal(cleanStep.full, "asked for a clean build");
  assert.deepEqual(siteDifferences(site, clean), []);
  rmSync(clean, { recursive: true, force: true });
  return step;
}

const postCount = (): number => readdirSync(posts).filter((f) => f.endsWith(".md")).length;

test("incremental builds: byte-identical to clean builds after each kind of change", async (t) => {
  mkdirSync(posts);
  writePost("alpha", { title: "阿尔法", date: "2025-01-01", tags: ["scaling", "rl"], people: ["Ilya Sutskever"], speaker: "Dwarkesh Patel", series: "深度访谈" });
  writePost("beta", { title: "贝塔", date: "2025-02-01", tags: ["scaling", "agents"], people: ["Ilya Sutskever"], speaker: "Dwarkesh Patel", series: "深度访谈" });
  writePost("gamma", { title: "伽马", date: "2025-03-01", tags: ["rl", "solo-tag"], speaker: "Lex Fridman" });
  writePost("delta", { title: "德尔塔", date: "2025-04-01", tags: ["agents"], people: ["Demis Hassabis"] });
  writePost("epsilon", { title: "艾普西隆", date: "2025-05-01", tags: ["robots"] });
  // A real post with defects: its warnings must be reported by an incremental build too.
  copyFileSync(path.join(corpusDir, "close-sdetails-qp9EXiyX-f4.md"), path.join(posts, "close-sdetails-qp9EXiyX-f4.md"));

  await t.test("first build: everything rendered, there was no site", async () => {
    const first = await build(site);
    assert.equal(first.full, "no previous site");
    assert.equal(first.rendered, postCount());
  });

  await t.test("nothing changed: every post page copied", async () => {
    const step = await rebuildAndCompare();
    assert.deepEqual(step, { rendered: 0, reused: postCount() });
  });

  await t.test("a transcript's warnings are reported when its page is copied", async () => {
    const r = await buildHere([`--input=${posts}`, `--output=${site}`, "--strict"], { NO_SEARCH: "1" });
    assert.match(r.stderr, /post pages: 0 rendered/);
    assert.equal(r.status, 1, "--strict fails on the copied post's transcript warnings");
    assert.match(r.stderr, /close-sdetails-qp9EXiyX-f4\.md:\d+:\d+ warning/);
  });

  await t.test("one post added: only it and the posts that now show it are rendered", async () => {
    writePost("zeta", { title: "泽塔", date: "2025-06-01", tags: ["robots", "new-one"], speaker: "Lex Fridman" });
    const step = await rebuildAndCompare();
    assert.ok(step.rendered >= 1 && step.rendered < postCount(), JSON.stringify(step));
    assert.equal(step.rendered + step.reused, postCount());
  });

  await t.test("a post's text edited", async () => {
    const file = path.join(posts, "delta.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("第二段", "改过的第二段"));
    const step = await rebuildAndCompare();
    assert.ok(step.rendered >= 1 && step.rendered < postCount(), JSON.stringify(step));
  });

  await t.test("a post's front matter edited (title shown by its related posts and series neighbours)", async () => {
    const file = path.join(posts, "alpha.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("title: 阿尔法", "title: 阿尔法（修订）"));
    const step = await rebuildAndCompare();
    assert.ok(step.rendered >= 2, JSON.stringify(step));
  });

  await t.test("a post removed", async () => {
    rmSync(path.join(posts, "epsilon.md"));
    await rebuildAndCompare();
    assert.ok(!filesOf(site).includes("posts/epsilon/index.html"));
  });

  await t.test("a one-post tag becomes shared: the older post's chip becomes a link to the new tag page", async () => {
    writePost("eta", { title: "伊塔", date: "2025-07-01", tags: ["solo-tag"] });
    const step = await rebuildAndCompare();
    assert.ok(step.rendered >= 2, JSON.stringify(step));
    assert.match(readFileSync(path.join(site, "posts/gamma/index.html"), "utf8"), /href="\/tags\/solo-tag\/"/);
  });

  await t.test("a one-post tag's last other post removed: the page goes, the chip is plain again", async () => {
    rmSync(path.join(posts, "eta.md"));
    await rebuildAndCompare();
    assert.doesNotMatch(readFileSync(path.join(site, "posts/gamma/index.html"), "utf8"), /href="\/tags\/solo-tag\/"/);
  });

  await t.test("a settings change renders everything", async () => {
    const settings = path.join(work, "site-renamed.json");
    writeFileSync(settings, JSON.stringify({ ...JSON.parse(readFileSync(FIXTURE_SITE_FILE, "utf8")), title: "另一个站名" }));
    const step = await rebuildAndCompare([`--site=${settings}`]);
    assert.equal(step.full, "code, templates, settings or path prefix changed");
    // And back: the pages of the first settings are not kept anywhere, so all are rendered again.
    const back = await rebuildAndCompare();
    assert.equal(back.full, "code, templates, settings or path prefix changed");
  });

  await t.test("a path prefix change renders everything", async () => {
    const step = await rebuildAndCompare(["--pathprefix=/repo/"]);
    assert.equal(step.full, "code, templates, settings or path prefix changed");
    await rebuildAndCompare();
  });

  await t.test("no manifest, or one that does not parse: everything rendered", async () => {
    rmSync(path.join(site, ".transcripts-build.json"));
    assert.equal((await rebuildAndCompare()).full, "the previous site has no build manifest");
    writeFileSync(path.join(site, ".transcripts-build.json"), "{ not json");
    assert.equal((await rebuildAndCompare()).full, "the previous site has no build manifest");
  });

  await t.test("a copied page that was truncated in the previous site is rendered again", async () => {
    const page = path.join(site, "posts/beta/index.html");
    writeFileSync(page, readFileSync(page).subarray(0, 100));
    const step = await rebuildAndCompare();
    assert.equal(step.rendered, 1);
  });
});
