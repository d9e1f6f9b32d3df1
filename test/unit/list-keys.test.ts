/** Keys of list pages (home, term and taxonomy index pages): what they cover, and the list templates' promise to read nothing else. */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import type { Post } from "../../src/content/post.js";
import { homePageData, LIST_PAGE_MODEL_FIELDS, listedPost, pageFile, taxonomyPageData, termPageData } from "../../src/build/list-keys.js";
import { buildSiteModel, type SiteModel } from "../../src/site/model.js";
import { root } from "../helpers.js";
import { templatesOf } from "../templates.js";

const LIST_TEMPLATES = { "index.njk": "homePages", "terms.njk": "termPages", "taxonomies.njk": "taxonomyPages" } as const;

test("list page templates read only their own pagination item and the site model's fields their keys cover", () => {
  for (const [page, paginated] of Object.entries(LIST_TEMPLATES)) {
    const templates = templatesOf(page);
    assert.ok([...templates.keys()].some((f) => f.endsWith("_includes/base.njk")), `${page}: the walk reaches base.njk`);
    for (const [file, text] of templates) {
      // The pagination itself chooses which pages render, not what one shows.
      const body = text.replace(new RegExp(`data: "model\\.render\\.${paginated}"`, "g"), "");
      for (const m of body.matchAll(/\bmodel\b(\s*\.\s*(\w+)|\s*\[)?/g)) {
        const field = m[2];
        assert.ok(field !== undefined, `${path.relative(root, file)} uses 'model' other than as model.<field>: a page's key cannot follow that (src/build/list-keys.ts)`);
        assert.ok((LIST_PAGE_MODEL_FIELDS as readonly string[]).includes(field), `${path.relative(root, file)} reads model.${field}, which list pages' keys do not cover: add it to src/build/list-keys.ts`);
      }
    }
  }
});

const post = (slug: string, date: string, over: Partial<Post> = {}): Post =>
  ({ title: `title ${slug}`, date, draft: false, layout: "post.njk", tags: ["shared", `only-${slug}`], people: [], companies_orgs: [], products_models: [], media_books: [], project: [], slug, url: `/posts/${slug}/`, extra: {}, transcript: { sections: [] }, ...over }) as Post;

/** Every list page's data by its file, each listed post described as listedPost does. */
function listData(model: SiteModel): Map<string, string> {
  const listed = (p: Post): unknown => listedPost(model, p);
  const out = new Map<string, string>();
  for (const p of model.homePages) out.set(pageFile(p.url), JSON.stringify(homePageData(p, listed)));
  for (const p of model.termPages) out.set(pageFile(p.url), JSON.stringify(termPageData(p, listed)));
  for (const p of model.taxonomyPages) out.set(pageFile(p.url), JSON.stringify(taxonomyPageData(p)));
  return out;
}

const changed = (a: Map<string, string>, b: Map<string, string>): string[] =>
  [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();

const posts = (): Post[] => [post("c", "2025-03-01"), post("b", "2025-02-01"), post("a", "2025-01-01")];

test("a list page's data follows what it lists: a post's title changes its home and term pages, nothing else", () => {
  const before = listData(buildSiteModel(posts(), 2));
  assert.deepEqual(changed(before, listData(buildSiteModel(posts(), 2))), [], "same posts, same data");
  const edited = posts().map((p) => (p.slug === "a" ? { ...p, title: "new" } : p));
  // a is the third post: on the second home page, and on the shared tag's second page.
  assert.deepEqual(changed(before, listData(buildSiteModel(edited, 2))), ["page/2/index.html", "tags/shared/2/index.html"]);
});

test("any front-matter value of a listed post is in its description, shown today or not", () => {
  const base = post("a", "2025-01-01");
  const model = buildSiteModel([base], 20);
  for (const over of [{ summary: "new" }, { insight: "new" }, { source: "https://example.org/x" }, { draft: true }, { media_books: ["A book"] }]) {
    const other = { ...base, ...over } as Post;
    assert.notDeepEqual(listedPost(buildSiteModel([other], 20), other), listedPost(model, base), JSON.stringify(over));
  }
});

test("a post added first shifts every home page and its terms' pages, and changes the counts of their indexes", () => {
  const before = listData(buildSiteModel(posts(), 2));
  const after = listData(buildSiteModel([post("d", "2025-04-01"), ...posts()], 2));
  const differ = changed(before, after);
  assert.ok(differ.includes("index.html") && differ.includes("page/2/index.html"), differ.join(" "));
  assert.ok(differ.includes("tags/shared/index.html") && differ.includes("tags/index.html"), differ.join(" "));
  // The other posts' one-post tags still have no page of their own: nothing of theirs changed.
  assert.ok(!differ.some((f) => f.startsWith("tags/only-")), differ.join(" "));
});
