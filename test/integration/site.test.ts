import { before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parse, type HTMLElement } from "node-html-parser";
import { readFrontMatter } from "../../src/frontmatter/read.js";
import type { FrontMatter } from "../../src/frontmatter/schema.js";
import { termKey } from "../../src/site/taxonomy.js";
import { BROKEN_YAML_POST, corpusDir, corpusSite, FIXTURE_SITE } from "../helpers.js";
import { brokenLinks } from "../links.js";

const SITE_URL = FIXTURE_SITE.url;
/** An absolute post URL on the fixture site's origin, under /repo/. */
const POST_URL = new RegExp(`^${SITE_URL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/repo/posts/[^/]+/$`);
/** The shared corpus build under /repo/; its root folder is the site (served at /repo/). */
let site = "";
const files = readdirSync(corpusDir).filter((f) => f.endsWith(".md") && f !== BROKEN_YAML_POST);
const meta: FrontMatter[] = [];
const html = (url: string): HTMLElement => parse(readFileSync(path.join(site, url, url.endsWith("/") ? "index.html" : ""), "utf8"));

before(() => {
  for (const f of files) meta.push(readFrontMatter(readFileSync(path.join(corpusDir, f), "utf8")).data!);
  site = corpusSite("repo").site;
});

test("with --pathprefix=/repo/, every internal link of every page resolves and carries the prefix once", () => {
  assert.deepEqual(brokenLinks(site, "/repo/").slice(0, 20), []);
});

test("taxonomy pages: one per name carried by two or more posts (names compared folded); a name of one post links to it; counts match the front matter", () => {
  const expectCounts = (values: (m: FrontMatter) => readonly (string | undefined)[]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const m of meta) for (const k of new Set(values(m).filter((v): v is string => Boolean(v)).map(termKey))) counts.set(k, (counts.get(k) ?? 0) + 1);
    return counts;
  };
  const cases: [string, (m: FrontMatter) => readonly (string | undefined)[]][] = [
    ["tags", (m) => m.tags],
    ["people", (m) => m.people],
    ["orgs", (m) => m.companies_orgs],
    ["products", (m) => m.products_models],
    ["speakers", (m) => [m.speaker, m.guest]],
    ["areas", (m) => [m.area]],
    ["categories", (m) => [m.category]],
    ["projects", (m) => m.project],
    ["series", (m) => [m.series]],
  ];
  for (const [folder, values] of cases) {
    const expected = expectCounts(values);
    const index = html(`/${folder}/`);
    const items = index.querySelectorAll(".term-cloud li");
    assert.equal(items.length, expected.size, `${folder}: number of terms`);
    for (const li of items) {
      const name = li.querySelector("a")!.text;
      const count = Number(li.querySelector(".count")!.text);
      assert.equal(count, expected.get(termKey(name)), `${folder}/${name}`);
      const href = li.querySelector("a")!.getAttribute("href")!;
      if (count === 1) {
        // No page that would list one post: the name links to the post itself.
        assert.match(href, /^\/repo\/posts\/[^/]+\/$/, `${folder}/${name} links to its post`);
        assert.ok(html(href.replace("/repo", "")).querySelector("h1.post-title"));
        continue;
      }
      assert.match(href, new RegExp(`^/repo/${folder}/[a-z0-9-]+/$`), `${folder}: ASCII slug for ${name}`);
      const termPage = html(href.replace("/repo", ""));
      assert.equal(Number(termPage.querySelector("h1 .count")!.text.match(/\d+/)![0]), count);
      // Its own description (what it lists), not the site's, the same on every term page.
      const description = termPage.querySelector('meta[name="description"]')!.getAttribute("content")!;
      assert.ok(description.includes(name) && description.includes(String(count)), `${folder}/${name}: ${description}`);
      assert.equal(termPage.querySelector('meta[property="og:description"]')!.getAttribute("content"), description);
    }
  }
});

test("home pages list every post once, newest first, with pagination links", () => {
  const seen: string[] = [];
  let url: string | undefined = "/";
  while (url) {
    const doc = html(url);
    seen.push(...doc.querySelectorAll(".post-list > li time").map((t) => t.getAttribute("datetime")!));
    url = doc.querySelector(".pager-next")?.getAttribute("href")?.replace("/repo", "");
  }
  assert.equal(seen.length, 59);
  assert.deepEqual(seen, [...seen].sort().reverse());
});

test("the Atom feed is well-formed, with required fields and absolute URLs carrying the prefix once", () => {
  const xml = readFileSync(path.join(site, "feed.xml"), "utf8");
  assert.equal(XMLValidator.validate(xml), true);
  const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
  assert.ok(feed.title && feed.id && feed.updated);
  const entries = [feed.entry].flat();
  assert.equal(entries.length, 30);
  for (const e of entries) {
    assert.ok(e.title && e.updated && e.summary, "entry fields");
    assert.match(e.id, POST_URL);
    assert.equal(e.link["@_href"], e.id);
    assert.ok(existsSync(path.join(site, e.id.replace(`${SITE_URL}/repo`, ""), "index.html")));
  }
});

test("the JSON Feed has the version 1.1 required fields", () => {
  const feed = JSON.parse(readFileSync(path.join(site, "feed.json"), "utf8"));
  assert.equal(feed.version, "https://jsonfeed.org/version/1.1");
  assert.ok(feed.title);
  assert.equal(feed.feed_url, `${SITE_URL}/repo/feed.json`);
  assert.equal(feed.items.length, 30);
  for (const item of feed.items) {
    assert.ok(item.id && (item.content_text || item.content_html), "id and content");
    assert.match(item.url, POST_URL);
    assert.match(item.date_published, /^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
  }
});

test("sitemap.xml lists every page with absolute URLs, prefix once, each pointing to a file; robots.txt names it", () => {
  const xml = readFileSync(path.join(site, "sitemap.xml"), "utf8");
  assert.equal(XMLValidator.validate(xml), true);
  const urls = [new XMLParser().parse(xml).urlset.url].flat().map((u: { loc: string }) => u.loc);
  const pages = readdirSync(site, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("index.html"));
  assert.equal(urls.length, pages.length, "every index page is in the sitemap");
  for (const loc of urls) {
    assert.ok(loc.startsWith(`${SITE_URL}/repo/`) && !loc.includes("/repo/repo/"), loc);
    assert.ok(existsSync(path.join(site, loc.slice(`${SITE_URL}/repo`.length), "index.html")), loc);
  }
  assert.match(readFileSync(path.join(site, "robots.txt"), "utf8"), new RegExp(`Sitemap: ${SITE_URL}/repo/sitemap.xml`));
});

test("post pages carry canonical, Open Graph, Twitter and Article JSON-LD metadata", () => {
  const doc = html("/posts/seed-ilya-sutskever-aR20FWCCjAs/");
  const url = `${SITE_URL}/repo/posts/seed-ilya-sutskever-aR20FWCCjAs/`;
  assert.equal(doc.querySelector('link[rel="canonical"]')?.getAttribute("href"), url);
  assert.equal(doc.querySelector('meta[property="og:url"]')?.getAttribute("content"), url);
  assert.equal(doc.querySelector('meta[property="og:type"]')?.getAttribute("content"), "article");
  assert.ok(doc.querySelector('meta[name="twitter:card"]'));
  assert.match(doc.querySelector('meta[name="description"]')!.getAttribute("content")!, /^Ilya Sutskever 深入探讨了/);
  const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.text);
  assert.equal(ld["@type"], "Article");
  assert.equal(ld.inLanguage, "zh-CN");
  assert.equal(ld.datePublished, "2025-11-25");
  assert.equal(ld.url, url);
  assert.deepEqual(ld.translationOfWork, { "@type": "CreativeWork", url: "https://www.youtube.com/watch?v=aR20FWCCjAs", inLanguage: "en" });
  assert.deepEqual(ld.author, [{ "@type": "Person", name: "Dwarkesh Patel" }]);
  assert.equal(ld.description, undefined, "the summary is the meta description already, not repeated in the JSON-LD");
});

test("related posts are listed on most posts", () => {
  const withRelated = files.map((f) => html(`/posts/${path.basename(f, ".md")}/`)).filter((d) => d.querySelector(".related li"));
  assert.ok(withRelated.length > 40, `${withRelated.length} posts show related posts`);
});

test("archive by year and month covers every post", () => {
  const years = html("/archive/").querySelectorAll(".archive-years > li");
  const total = years.reduce((n, li) => n + Number(li.querySelector(".count")!.text), 0);
  assert.equal(total, 59);
  for (const li of years) {
    const doc = html(li.querySelector("a")!.getAttribute("href")!.replace("/repo", ""));
    assert.equal(doc.querySelectorAll(".post-list > li").length, Number(li.querySelector(".count")!.text));
  }
});
