/**
 * What each list page shows, as plain data: the home pages, the term pages and the taxonomy
 * indexes. The page cache (incremental.ts) hashes it into the page's key, so a list page is
 * rendered again only when something it shows changed, and copied from the previous site otherwise.
 *
 * A listed post is described by every front-matter value it has and by its terms (names, URLs,
 * whether they have pages), not only by what the list templates print today: a template that starts
 * to show another value can then never be served stale. LIST_PAGE_MODEL_FIELDS names what else of the
 * site model list templates may read; a unit test checks they read nothing more.
 */
import type { Post } from "../content/post.js";
import { frontMatterSchema } from "../frontmatter/schema.js";
import type { ListPage, SiteModel, TaxonomyIndexPage, TermPage } from "../site/model.js";

/** The site model's fields that list pages read besides their own pagination item. */
export const LIST_PAGE_MODEL_FIELDS = ["termsByPost"] as const;

const FRONT_MATTER_KEYS = Object.keys(frontMatterSchema.shape).sort() as (keyof Post)[];

/** A post as any list may show it: its URL, slug, front matter and terms. */
export function listedPost(model: SiteModel, post: Post): unknown {
  const terms = model.termsByPost[post.slug] ?? {};
  return [
    post.url,
    post.slug,
    FRONT_MATTER_KEYS.map((k) => post[k] ?? null),
    Object.entries(terms).map(([key, list]) => [key, list.map((t) => [t.name, t.url, t.hasPage])]),
  ];
}

/** A page of a list, without its posts. */
const pagerOf = (p: ListPage | TaxonomyIndexPage): unknown[] => [p.url, p.number, p.total, p.previousUrl ?? null, p.nextUrl ?? null];

/** What a home page shows; `posts` describes each listed post (see `listedPost`). */
export function homePageData(page: ListPage, posts: (post: Post) => unknown): unknown {
  return ["home", ...pagerOf(page), page.posts.map(posts)];
}

/** What a term page shows. */
export function termPageData(page: TermPage, posts: (post: Post) => unknown): unknown {
  const { taxonomy, term } = page;
  return ["term", taxonomy.key, taxonomy.url, term.name, term.url, term.hasPage, term.posts.length, ...pagerOf(page), page.posts.map(posts)];
}

/** What a page of a taxonomy's index shows. */
export function taxonomyPageData(page: TaxonomyIndexPage): unknown {
  const { taxonomy } = page;
  return ["taxonomy", taxonomy.key, taxonomy.url, taxonomy.terms.length, ...pagerOf(page), page.from, page.to, page.terms.map((t) => [t.name, t.url, t.hasPage, t.posts.length])];
}

/** The site-relative file of a page at a site-relative URL (`/tags/x/` → `tags/x/index.html`). */
export const pageFile = (url: string): string => `${url.replace(/^\//, "")}index.html`;
