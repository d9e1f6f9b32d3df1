/**
 * Linear output: ten times the input must give about ten times the site, not a hundred. A post's tag
 * chips appear on each of its tag pages, so unbounded chips made the site grow with tags × tags
 * (4,000 tags on one post: 721 MB of pages).
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "node-html-parser";
import { buildHere } from "../helpers.js";

const tmp = mkdtempSync(path.join(tmpdir(), "scaling-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Total bytes of the files under `dir`. */
function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += statSync(path.join((entry as { parentPath?: string }).parentPath ?? entry.path, entry.name)).size;
  }
  return total;
}

/** Build a folder holding one post with `tags` tags (and a plain post beside it); returns the site and its size. */
async function buildWithTags(tags: number): Promise<{ site: string; bytes: number; ms: number }> {
  const input = path.join(tmp, `posts-${tags}`);
  mkdirSync(input);
  const list = Array.from({ length: tags }, (_, i) => `- tag-${String(i).padStart(5, "0")}`).join("\n");
  // Two posts carry every tag, so each tag has a page of its own (a name of one post links to it instead).
  writeFileSync(path.join(input, "many-tags.md"), `---\ntitle: 很多标签\ndate: '2025-01-02'\ntags:\n${list}\n---\n**甲：** 正文。\n`);
  writeFileSync(path.join(input, "many-tags-too.md"), `---\ntitle: 也有很多标签\ndate: '2025-01-03'\ntags:\n${list}\n---\n**丙：** 正文。\n`);
  writeFileSync(path.join(input, "plain.md"), `---\ntitle: 普通\ndate: '2025-01-01'\ntags: [tag-00000]\n---\n**乙：** 正文。\n`);
  const site = path.join(tmp, `site-${tags}`);
  const started = performance.now();
  const r = await buildHere([`--input=${input}`, `--output=${site}`], { NO_SEARCH: "1" });
  const ms = performance.now() - started;
  assert.equal(r.status, 0, r.stderr);
  return { site, bytes: bytesUnder(site), ms };
}

test("ten times the tags on one post gives about ten times the output, not a hundred", async (t) => {
  const small = await buildWithTags(40);
  const large = await buildWithTags(400);
  const ratio = large.bytes / small.bytes;
  t.diagnostic(`40 tags: ${(small.bytes / 1e6).toFixed(2)} MB in ${(small.ms / 1000).toFixed(1)} s; 400 tags: ${(large.bytes / 1e6).toFixed(2)} MB in ${(large.ms / 1000).toFixed(1)} s; bytes ×${ratio.toFixed(1)}, time ×${(large.ms / small.ms).toFixed(1)}`);
  // Linear is ×10 at most (a page per tag; ×5 here, where the pages every site has weigh on the
  // smaller site); the unbounded chips gave ×48 from 80 to 800 tags, and would give about ×39 here.
  assert.ok(ratio < 15, `output grew ×${ratio.toFixed(1)} for ×10 tags`);

  // A tag page lists its posts by title, date and speaker only: no chips, no summary.
  const tagPage = parse(readFileSync(path.join(large.site, "tags/tag-00399/index.html"), "utf8"));
  assert.equal(tagPage.querySelectorAll(".post-list > li").length, 2);
  assert.equal(tagPage.querySelectorAll(".post-list > li .chips, .post-list > li .post-card-summary").length, 0);
  // The home page shows a few chips and a "+N" link to the post, which lists them all.
  const card = parse(readFileSync(path.join(large.site, "index.html"), "utf8")).querySelectorAll(".post-list > li").find((c) => c.text.includes("很多标签") && !c.text.includes("也有"))!;
  const chips = card.querySelectorAll(".chips li");
  assert.ok(chips.length <= 8, `${chips.length} chips on one entry`);
  const more = card.querySelector(".chips .chips-more a");
  assert.equal(more?.text, `+${400 - (chips.length - 1)}`);
  assert.equal(more?.getAttribute("href"), "/posts/many-tags/");
  assert.match(more?.getAttribute("aria-label") ?? "", /394 more tags/);
  const post = parse(readFileSync(path.join(large.site, "posts/many-tags/index.html"), "utf8"));
  assert.equal(post.querySelectorAll(".post-taxonomies a[href^='/tags/']").length, 400, "the post's own page lists every tag");
  // A post with few tags shows them all, without a "+N".
  const plainCard = parse(readFileSync(path.join(large.site, "index.html"), "utf8")).querySelectorAll(".post-list > li").find((c) => c.text.includes("普通"));
  assert.equal(plainCard?.querySelectorAll(".chips li").length, 1);
});
