import { test } from "node:test";
import assert from "node:assert/strict";
import type { Post } from "../../src/content/post.js";
import { buildSiteModel, paginate, TERMS_PER_INDEX_PAGE } from "../../src/site/model.js";
import { buildTaxonomies, termKey, termSlug } from "../../src/site/taxonomy.js";

const post = (slug: string, date: string, over: Partial<Post> = {}): Post => ({
  title: slug,
  date,
  draft: false,
  layout: "post.njk",
  summary: undefined,
  source: undefined,
  tags: [],
  people: [],
  companies_orgs: [],
  products_models: [],
  media_books: [],
  project: [],
  area: undefined,
  category: undefined,
  series: undefined,
  guest: undefined,
  insight: undefined,
  speaker: undefined,
  author: undefined,
  status: undefined,
  slug,
  url: `/posts/${slug}/`,
  extra: {},
  transcript: { sections: [] },
  ...over,
});

test("names are one term regardless of case, width, spaces and hyphens; on a tie the newest post's spelling is shown", () => {
  assert.equal(termKey("Scaling Law"), termKey("scaling-law"));
  assert.equal(termKey("ＡＩ"), termKey("ai"));
  const { taxonomies } = buildTaxonomies([post("b", "2025-02-01", { tags: ["Scaling Law"] }), post("a", "2025-01-01", { tags: ["scaling-law", "LLM"] })]);
  const tags = taxonomies.find((t) => t.key === "tags")!;
  assert.deepEqual(tags.terms.map((t) => [t.name, t.slug, t.posts.length]), [["Scaling Law", "scaling-law", 2], ["LLM", "llm", 1]]);
});

test("one name, one term: wrapping quotes, Traditional and Simplified script fold together; the most used spelling is shown", () => {
  assert.equal(termKey("台積電"), termKey("台积电"));
  assert.equal(termKey("“台积电”"), termKey("台积电"));
  assert.equal(termKey('"ai-ml"'), termKey("ai-ml"));
  assert.equal(termKey("「OpenAI」"), termKey("openai"));
  assert.equal(termKey('"“台積電”"'), termKey("台积电"), "nested quotes");
  assert.notEqual(termKey("“台积电”的"), termKey("台积电"), "only quotes around the whole name");
  assert.equal(termSlug("台積電"), termSlug("台积电"), "every spelling gets the same URL");
  const { taxonomies } = buildTaxonomies([
    post("d", "2025-04-01", { companies_orgs: ["台積電"], category: '"ai-ml"' }),
    post("c", "2025-03-01", { companies_orgs: ["“台积电”"], category: "“ai-ml”" }),
    post("b", "2025-02-01", { companies_orgs: ["台积电"], category: "ai-ml" }),
    post("a", "2025-01-01", { companies_orgs: ["台积电"] }),
  ]);
  const orgs = taxonomies.find((t) => t.key === "companies_orgs")!;
  assert.deepEqual(orgs.terms.map((t) => [t.name, t.slug, t.posts.length]), [["台积电", "tai-ji-dian", 4]], "shown as most posts write it, quotes removed");
  const categories = taxonomies.find((t) => t.key === "category")!;
  assert.deepEqual(categories.terms.map((t) => [t.name, t.url, t.posts.length]), [["ai-ml", "/categories/ai-ml/", 3]], "no /categories/ai-ml-2/");
});

test("Chinese names get pinyin slugs; names that would share a URL get distinct ones and a note", () => {
  assert.equal(termSlug("神经网络"), "shen-jing-wang-luo");
  assert.equal(termSlug("深度学习 AI"), "shen-du-xue-xi-ai");
  assert.match(termSlug("🙂"), /^t-[0-9a-f]{8}$/);
  const { taxonomies, notes } = buildTaxonomies([post("a", "2025-01-02", { tags: ["C++"] }), post("b", "2025-01-01", { tags: ["C"] })]);
  const slugs = taxonomies.find((t) => t.key === "tags")!.terms.map((t) => `${t.name}=${t.slug}`).sort();
  assert.deepEqual(slugs, ["C++=c", "C=c-2"]);
  assert.equal(notes.length, 1);
  assert.match(notes[0]!.message, /'C' and 'C\+\+' would share \/tags\/c\//);
});

test("speaker and guest form one taxonomy; a post counts once per term", () => {
  const { taxonomies, termsByPost } = buildTaxonomies([post("a", "2025-01-01", { speaker: "Lex", guest: "lex" }), post("b", "2025-01-02", { guest: "Lex" })]);
  const speakers = taxonomies.find((t) => t.key === "speakers")!;
  assert.equal(speakers.terms.length, 1);
  assert.equal(speakers.terms[0]!.posts.length, 2);
  assert.deepEqual(termsByPost.a!.speakers!.map((t) => t.name), ["Lex"]);
});

test("pagination: URLs, numbers and neighbours", () => {
  const posts = Array.from({ length: 45 }, (_, i) => post(`p${i}`, "2025-01-01"));
  const pages = paginate(posts, 20, (n) => (n === 1 ? "/" : `/page/${n}/`));
  assert.deepEqual(pages.map((p) => [p.url, p.posts.length, p.previousUrl, p.nextUrl]), [["/", 20, undefined, "/page/2/"], ["/page/2/", 20, "/", "/page/3/"], ["/page/3/", 5, "/page/2/", undefined]]);
  assert.equal(paginate([], 20, () => "/").length, 1, "an empty list still has its first page");
});

test("the site model: series in date order with neighbours, archive by year and month, related posts", () => {
  const posts = [
    post("s3", "2025-03-01", { series: "入门", tags: ["x"] }),
    post("other", "2025-02-15", { tags: ["x", "y"] }),
    post("s2", "2025-02-01", { series: "入门" }),
    post("s1", "2024-12-01", { series: "入门", tags: ["x"] }),
  ];
  const model = buildSiteModel(posts, 20);
  assert.deepEqual([model.series.s1?.index, model.series.s1?.previous?.slug, model.series.s1?.next?.slug], [1, undefined, "s2"]);
  assert.deepEqual([model.series.s3?.index, model.series.s3?.total, model.series.s3?.previous?.slug], [3, 3, "s2"]);
  assert.equal(model.series.other, undefined);
  assert.deepEqual(model.years.map((y) => [y.year, y.count, y.months.map((m) => m.month)]), [[2025, 3, [3, 2]], [2024, 1, [12]]]);
  assert.deepEqual(model.related.s1?.slice(0, 2).map((p) => p.slug), ["s3", "s2"], "same series ranks first");
  assert.ok(model.termPages.some((p) => p.url === "/series/ru-men/"));
});

test("a name carried by one post has no page: it links to the post; two or more posts make a term page", () => {
  const model = buildSiteModel([post("b", "2025-02-01", { tags: ["shared", "only-b"] }), post("a", "2025-01-01", { tags: ["shared"] })], 20);
  const tags = model.taxonomies.find((t) => t.key === "tags")!;
  assert.deepEqual(tags.terms.map((t) => [t.name, t.hasPage, t.url]), [["shared", true, "/tags/shared/"], ["only-b", false, "/posts/b/"]]);
  assert.deepEqual(model.termPages.filter((p) => p.taxonomy.key === "tags").map((p) => p.url), ["/tags/shared/"]);
});

test("taxonomy indexes in pages of TERMS_PER_INDEX_PAGE terms, most used first, at URLs no term can take", () => {
  const n = TERMS_PER_INDEX_PAGE * 2 + 1;
  const posts = [post("b", "2025-02-01", { tags: Array.from({ length: n }, (_, i) => `tag ${i}`) }), post("a", "2025-01-01", { tags: ["tag 7"] })];
  const pages = buildSiteModel(posts, 20).taxonomyPages.filter((p) => p.taxonomy.key === "tags");
  assert.deepEqual(pages.map((p) => [p.url, p.number, p.total, p.terms.length, p.from, p.to]), [
    ["/tags/", 1, 3, TERMS_PER_INDEX_PAGE, 1, TERMS_PER_INDEX_PAGE],
    ["/tags/_/2/", 2, 3, TERMS_PER_INDEX_PAGE, TERMS_PER_INDEX_PAGE + 1, 2 * TERMS_PER_INDEX_PAGE],
    ["/tags/_/3/", 3, 3, 1, n, n],
  ]);
  assert.equal(pages[0]!.terms[0]!.name, "tag 7", "the most used first");
  assert.equal(pages[1]!.previousUrl, "/tags/");
  assert.equal(pages[1]!.nextUrl, "/tags/_/3/");
  assert.ok(!/_/.test(termSlug("_ tag _")), "slugs never hold '_'");
});
