import { test } from "node:test";
import assert from "node:assert/strict";
import matter from "gray-matter";
import { buildVocab, generatePost, videoId, type GeneratedPost } from "../../src/bench/corpus-gen.js";

const vocab200 = buildVocab(200, 1);
const sample: GeneratedPost[] = Array.from({ length: 200 }, (_, i) => generatePost(i, 1, vocab200));
const count = (text: string, needle: string): number => text.split(needle).length - 1;

test("same seed gives the same bytes; another seed gives other bytes", () => {
  const again = buildVocab(200, 1);
  for (const i of [0, 1, 57, 199]) {
    assert.equal(generatePost(i, 1, again).text, sample[i]?.text);
    assert.notEqual(generatePost(i, 2, buildVocab(200, 2)).text, sample[i]?.text);
  }
  assert.notEqual(sample[0]?.text, sample[1]?.text);
});

test("file names are unique 11-character YouTube-like ids, some starting with - or _", () => {
  const ids = Array.from({ length: 5000 }, (_, i) => videoId(i, 1));
  for (const id of ids) assert.match(id, /^[A-Za-z0-9_-]{11}$/);
  assert.equal(new Set(ids.map((id) => id.toLowerCase())).size, ids.length);
  assert.ok(ids.some((id) => id.startsWith("-")) && ids.some((id) => id.startsWith("_")));
  for (const p of sample) assert.equal(p.fileName, `${p.id}.md`);
});

test("front matter parses with the keys and value types of real posts", () => {
  const listKeys = ["tags", "people", "companies_orgs", "products_models", "media_books", "project"];
  for (const p of sample) {
    const data = matter(p.text).data as Record<string, unknown>;
    assert.equal(typeof data.title, "string", p.fileName);
    assert.ok(typeof data.date === "string" || data.date instanceof Date, p.fileName);
    assert.match(String(data.date instanceof Date ? data.date.toISOString() : data.date), /^\d{4}-\d{2}-\d{2}/);
    assert.equal(data.source, `https://www.youtube.com/watch?v=${p.id}`);
    assert.equal(typeof data.summary, "string");
    const summary = String(data.summary);
    assert.ok(summary.length >= 80 && summary.length <= 200 && !summary.includes("\n"), `${p.fileName}: summary of ${summary.length}`);
    for (const key of listKeys) {
      const v = data[key];
      if (v === undefined) continue;
      assert.ok(Array.isArray(v) && v.every((x) => typeof x === "string"), `${p.fileName}: ${key}`);
    }
    assert.deepEqual(data.tags, p.tags);
    assert.ok(p.tags.length >= 3 && p.tags.length <= 6);
    if (p.style === "new") assert.equal(data.author, data.speaker);
  }
  const drafts = sample.filter((p) => matter(p.text).data.draft === true).length;
  assert.ok(drafts > 170 && drafts < 200, `drafts ${drafts}`);
  assert.ok(sample.some((p) => /^summary: .*\n {2}\S/m.test(p.text)), "some summaries are folded");
});

test("one <details per turn, 40–160 turns, 3–12 headings, both original formats", () => {
  for (const p of sample) {
    assert.equal(count(p.text, "<details"), p.turns, p.fileName);
    assert.ok(p.turns >= 40 && p.turns <= 160);
    const headings = p.text.match(/^#{2,4} \S/gm)?.length ?? 0;
    assert.ok(headings >= 3 && headings <= 12, `${p.fileName}: ${headings} headings`);
    if (p.style === "classic") assert.equal(count(p.text, '<p class="english-text">'), p.turns);
    else assert.equal(count(p.text, "</summary>\n\n"), p.turns);
  }
  assert.ok(sample.some((p) => p.style === "classic") && sample.some((p) => p.style === "new"));
  assert.ok(sample.some((p) => p.defects.length > 0) && sample.filter((p) => p.defects.length > 0).length < 40);
  const closes = sample.filter((p) => p.defects.includes("bad-close")).map((p) => count(p.text, "</details>\n") < p.turns);
  assert.ok(closes.every(Boolean));
});

test("tag vocabulary grows with corpus size and is Zipf-like", () => {
  const distinct = (n: number): { size: number; top: number } => {
    const vocab = buildVocab(n, 1);
    const freq = new Map<string, number>();
    for (let i = 0; i < n; i++) for (const t of generatePost(i, 1, vocab).tags) freq.set(t, (freq.get(t) ?? 0) + 1);
    return { size: freq.size, top: Math.max(...freq.values()) };
  };
  const small = distinct(100);
  const big = distinct(1000);
  assert.ok(big.size > small.size, `${big.size} vs ${small.size}`);
  assert.ok(big.size > 300, `${big.size} distinct tags over 1000 posts`);
  assert.ok(big.top > 50, `most common tag used ${big.top} times`);
});

test("average size is about 40 KB, each post 5–155 KB", () => {
  const sizes = sample.map((p) => Buffer.byteLength(p.text));
  const avg = sizes.reduce((a, b) => a + b, 0) / sizes.length;
  assert.ok(avg > 32_000 && avg < 50_000, `average ${avg}`);
  for (const s of sizes) assert.ok(s >= 5_000 && s <= 155_000, `size ${s}`);
});
