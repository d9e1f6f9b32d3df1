/**
 * The 32 further real posts (test/fixtures/corpus-more: 20 Chinese-only posts across the size
 * range, bracket speaker labels, bold next to CJK punctuation, Traditional names, quoted
 * categories), built once and read as a reader would.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { readFrontMatter } from "../../src/frontmatter/read.js";
import { checkHere, corpusDir, corpusSite, moreCorpusDir } from "../helpers.js";
import { missingText } from "../text-runs.js";

const files = readdirSync(moreCorpusDir).filter((f) => f.endsWith(".md"));
const source = (f: string): string => readFileSync(path.join(moreCorpusDir, f), "utf8");
/** The one real post that is only front matter (a title, no text): it gets no page. */
const EMPTY_POST = "zh-only-Jm7n_74Wh6Y.md";
let site = "";
const pages = new Map<string, HTMLElement>();
const page = (url: string): HTMLElement => parse(readFileSync(path.join(site, url, "index.html"), "utf8"));

before(() => {
  site = corpusSite("more").site;
  for (const f of files) if (f !== EMPTY_POST) pages.set(f, page(`posts/${path.basename(f, ".md")}`));
});

test("all 32 posts pass the check; 31 build, the empty one is a post-empty warning and has no page", async () => {
  assert.equal(files.length, 32);
  assert.equal(pages.size, 31);
  assert.ok(!existsSync(path.join(site, "posts", path.basename(EMPTY_POST, ".md"))));
  const r = await checkHere([moreCorpusDir, "--format=json"]);
  assert.equal(r.status, 0, r.stdout);
  const rules = (JSON.parse(r.stdout) as { diagnostics: { rule: string; file: string }[] }).diagnostics.map((d) => `${path.basename(d.file)} ${d.rule}`);
  assert.ok(rules.includes(`${EMPTY_POST} post-empty`), rules.join("\n"));
});

test("Chinese-only posts are not defective: no original-missing in the 92 real posts' check", async () => {
  const r = await checkHere([moreCorpusDir, corpusDir, "--format=json"]);
  const diagnostics = (JSON.parse(r.stdout) as { diagnostics: { rule: string; file: string }[] }).diagnostics;
  const chineseOnly = new Set(files.filter((f) => !source(f).includes("<details")));
  assert.ok(chineseOnly.size >= 20);
  assert.deepEqual(diagnostics.filter((d) => d.rule === "original-missing" && chineseOnly.has(path.basename(d.file))), []);
  assert.deepEqual(diagnostics.filter((d) => d.rule === "yaml-syntax").map((d) => path.basename(d.file)), ["orig-unquoted-date-nolayout-dO4TPJkeaaU.md"], "exactly the one yaml-syntax error");
});

test("nothing lost: every Chinese run and English word of each source is in its page's text", () => {
  const failures: string[] = [];
  for (const [f, doc] of pages) {
    const lost = missingText(readFrontMatter(source(f)).body, doc.querySelector("main")!.text);
    if (lost.han.length || lost.words.length) failures.push(`${f}: ${lost.han.slice(0, 3).join(" | ")} ${lost.words.slice(0, 8).join(" ")}`);
  }
  assert.deepEqual(failures, []);
});

test("no literal ** on any page of the 92 real posts: bold next to CJK punctuation renders as bold", () => {
  const plain = corpusSite("plain").site;
  const withStars: string[] = [];
  for (const [f, doc] of pages) if (doc.querySelector("main")!.text.includes("**")) withStars.push(f);
  for (const f of readdirSync(path.join(plain, "posts"))) {
    if (parse(readFileSync(path.join(plain, "posts", f, "index.html"), "utf8")).querySelector("main")!.text.includes("**")) withStars.push(f);
  }
  assert.deepEqual(withStars, []);
  const bold = pages.get("zh-only-6FLoIE8MsaI.md")!.querySelectorAll(".transcript strong").map((s) => s.text);
  assert.ok(bold.some((b) => /^《.+》$/.test(b)), `bold book titles: ${bold.slice(0, 5).join(" ")}`);
});

test("Chinese-only pages: no view control and no claim of originals; bilingual ones keep both", () => {
  for (const [f, doc] of pages) {
    const bilingual = source(f).includes("<details");
    assert.equal(doc.querySelector("html")!.hasAttribute("data-monolingual"), !bilingual, f);
    assert.equal(doc.querySelectorAll('input[name="view"]').length, bilingual ? 5 : 0, f);
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.innerHTML) as Record<string, unknown>;
    assert.equal("translationOfWork" in ld, bilingual && "source" in (readFrontMatter(source(f)).data ?? {}), f);
  }
});
