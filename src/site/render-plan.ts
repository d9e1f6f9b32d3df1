/**
 * Which pages a build renders. A clean production build renders everything; one over a previous
 * site leaves out the pages it can copy (src/build/incremental.ts makes that plan); the dev server,
 * after an edit that changes only the transcript text of some posts, renders just those posts'
 * pages (every list, feed and index shows only front-matter values, which did not change).
 */
import type { Post } from "../content/post.js";
import { frontMatterSchema } from "../frontmatter/schema.js";
import type { ArchiveYear, ListPage, SiteModel, TaxonomyIndexPage, TermPage } from "./model.js";

/** The paginated data of this build: what Eleventy renders. */
export interface RenderPlan {
  posts: Post[];
  homePages: ListPage[];
  taxonomyPages: TaxonomyIndexPage[];
  termPages: TermPage[];
  years: ArchiveYear[];
  /** True when only some posts' pages are rendered. */
  partial: boolean;
}

const FRONT_MATTER_KEYS = Object.keys(frontMatterSchema.shape) as (keyof Post)[];

/** Everything. */
export function fullPlan(model: SiteModel): RenderPlan {
  return { posts: model.posts, homePages: model.homePages, taxonomyPages: model.taxonomyPages, termPages: model.termPages, years: model.years, partial: false };
}

/** True when two versions of a post have the same front matter (they may differ in the body). */
export function sameFrontMatter(a: Post, b: Post): boolean {
  return FRONT_MATTER_KEYS.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/**
 * The posts whose body alone changed between two loads, or undefined when anything else changed
 * (a post added, removed or renamed, front matter edited, or nothing changed at all — a template
 * edit), which needs a full render.
 */
export function bodyOnlyChanges(previous: readonly Post[], current: readonly Post[]): Post[] | undefined {
  if (previous.length !== current.length) return undefined;
  const changed: Post[] = [];
  for (let i = 0; i < current.length; i++) {
    const before = previous[i]!;
    const now = current[i]!;
    if (before === now) continue;
    if (before.slug !== now.slug || !sameFrontMatter(before, now)) return undefined;
    changed.push(now);
  }
  return changed.length > 0 ? changed : undefined;
}

/** Only the given posts' own pages. */
export function postsOnlyPlan(posts: Post[]): RenderPlan {
  return { posts, homePages: [], taxonomyPages: [], termPages: [], years: [], partial: true };
}
