import { test } from "node:test";
import assert from "node:assert/strict";
import { assignParts, contentHash, defaultIndexJobs, MIN_PAGES_FOR_INDEX_WORKERS, partKey } from "../../src/search/parts.js";
// @ts-expect-error: a plain browser module without declarations; its JSDoc documents the types.
import { indexText } from "../../assets/search-tokens.js";

const page = (date: string, file = `posts/${date}/index.html`) => ({ file, date });
const files = (parts: { file: string }[][]) => parts.map((p) => p.map((x) => x.file.replace(/^posts\/|\/index\.html$/g, "")));

test("index parts follow the posts' dates: runs of the part's size, oldest first, filled across months", () => {
  const pages = [page("2025-02-03"), page("2025-01-20"), page("2025-01-05"), page("2025-03-01"), page("2025-03-09"), page("2025-04-30")];
  assert.deepEqual(files(assignParts(pages, 3)), [["2025-01-05", "2025-01-20", "2025-02-03"], ["2025-03-01", "2025-03-09", "2025-04-30"]]);
  assert.deepEqual(files(assignParts(pages, 4)), [["2025-01-05", "2025-01-20", "2025-02-03", "2025-03-01"], ["2025-03-09", "2025-04-30"]], "a part is filled from the next month");
  assert.deepEqual(files(assignParts(pages, 100)), [pages.map((p) => p.date).sort()]);
  assert.deepEqual(assignParts([], 10), [[]], "no pages: one empty part");
  assert.throws(() => assignParts(pages, 0), /whole number/);
});

test("every part is full but the last: months of 250–500 posts no longer leave parts three quarters full", () => {
  // Months as the generated archive's: 250 to 500 posts each, 9,000 in all.
  const sizes = [480, 260, 450, 300, 500, 270, 410, 330, 470, 250, 390, 440, 310, 490, 280, 460, 350, 420, 260, 500, 300, 380, 320, 380];
  assert.equal(sizes.reduce((a, b) => a + b, 0), 9000);
  const pages = sizes.flatMap((n, m) => Array.from({ length: n }, (_, d) => page(`${2020 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-${String((d % 28) + 1).padStart(2, "0")}`, `posts/${m}-${d}/index.html`)));
  const parts = assignParts(pages, 500);
  assert.equal(parts.length, 18, "9,000 posts in 18 parts of 500 (whole months took 24)");
  assert.ok(parts.every((p) => p.length === 500));
  assert.deepEqual(parts.flat().map((p) => p.file).sort(), pages.map((p) => p.file).sort(), "every page once");
});

test("pages of one date in path order; undated pages first", () => {
  const pages = [page("2025-05-02", "posts/b/index.html"), page("2025-05-02", "posts/a/index.html"), page("2025-05-01"), page("2025-05-03"), page("2025-06-01"), page("", "posts/undated/index.html")];
  assert.deepEqual(files(assignParts(pages, 2)), [["undated", "2025-05-01"], ["a", "b"], ["2025-05-03", "2025-06-01"]]);
});

test("a post added after the others changes only the last part, or adds one", () => {
  const months = Array.from({ length: 12 }, (_, m) => Array.from({ length: 3 + (m % 4) }, (_, d) => page(`2025-${String(m + 1).padStart(2, "0")}-${String(d + 10)}`))).flat();
  const before = files(assignParts(months, 10));
  for (const added of ["2025-12-28", "2026-01-02"]) {
    const after = files(assignParts([...months, page(added)], 10));
    assert.deepEqual(after.slice(0, before.length - 1), before.slice(0, -1), `${added}: every part but the last is unchanged`);
    assert.ok(after.flat().includes(added));
  }
});

test("a part's key changes with its code, its pages' URLs, their indexed HTML and their order", () => {
  const pages = [{ url: "/posts/a/", indexed: contentHash("<p>a</p>") }, { url: "/posts/b/", indexed: contentHash("<p>b</p>") }];
  const key = partKey("code", pages);
  assert.equal(partKey("code", pages.map((p) => ({ ...p }))), key);
  assert.notEqual(partKey("code2", pages), key);
  assert.notEqual(partKey("code", [pages[0]!, { ...pages[1]!, indexed: contentHash("<p>c</p>") }]), key);
  assert.notEqual(partKey("code", [pages[1]!, pages[0]!]), key);
  assert.notEqual(partKey("code", [{ ...pages[0]!, url: "/posts/c/" }, pages[1]!]), key);
  assert.notEqual(partKey("code", [pages[0]!, { ...pages[1]!, salt: 1 }]), key, "a salted page (collisions.ts) is another part");
  assert.notEqual(partKey("code", [pages[0]!, { ...pages[1]!, salt: 2 }]), partKey("code", [pages[0]!, { ...pages[1]!, salt: 1 }]));
  assert.equal(partKey("code", [pages[0]!, { ...pages[1]!, salt: 0 }]), key, "salt 0 is none");
});

test("indexed text: hyphens between letters or digits part words, whatever the letters", () => {
  const words = (s: string) => (indexText(s) as string).trim().split(/\s+/);
  assert.deepEqual(words("a-b-c x--y -z z- GPT-4 été-1"), ["a", "b", "c", "x--y", "-z", "z-", "GPT", "4", "été", "1"]);
  assert.deepEqual(words("𝐀-b"), ["𝐀", "b"], "a letter outside the basic plane");
  assert.deepEqual(words("泛化-能力"), ["泛化", "化", "-", "能力", "力"], "a hyphen after a Chinese run's last word stays apart");
});

test("parts are indexed two at a time from 200 pages, one at a time below that or on one core (when SEARCH_INDEX_JOBS is not set)", () => {
  assert.equal(MIN_PAGES_FOR_INDEX_WORKERS, 200);
  assert.equal(defaultIndexJobs(199, 2), 1, "a small site: its parts in the build's own process");
  assert.equal(defaultIndexJobs(200, 2), 2);
  assert.equal(defaultIndexJobs(9000, 8), 2, "two at most: each Pagefind process holds its part");
  assert.equal(defaultIndexJobs(9000, 1), 1);
});
