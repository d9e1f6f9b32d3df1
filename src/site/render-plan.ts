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

/** Which share of the pages a run renders (one of `count` runs; see shardPlan). */
export interface RenderShard {
  index: number;
  count: number;
}

/**
 * How much of each list the main thread's run takes against a worker's (17 items to 20): it also
 * renders the pages that are not paginated from the plan (the archive index of every post, the
 * feeds, the sitemap of every page), reports progress and takes the workers' messages. With equal
 * shares, a 9,000-post build's worker sat idle for the last tenth of the rendering.
 */
export const RUN_WEIGHTS = { main: 17, worker: 20 } as const;

/**
 * Which run renders each position of a list, in a cycle: runs dealt in proportion to their weights
 * (RUN_WEIGHTS) and interleaved (smooth weighted round robin), so that every run gets old posts and
 * new, long and short, as it would one by one.
 */
export function shardCycle(count: number): number[] {
  const weights = Array.from({ length: count }, (_, i) => (i === 0 ? RUN_WEIGHTS.main : RUN_WEIGHTS.worker));
  const total = weights.reduce((a, b) => a + b, 0);
  const current = weights.map(() => 0);
  const cycle: number[] = [];
  for (let step = 0; step < total; step++) {
    let best = 0;
    for (let r = 0; r < count; r++) {
      current[r] = (current[r] ?? 0) + (weights[r] ?? 0);
      if ((current[r] ?? 0) > (current[best] ?? 0)) best = r;
    }
    current[best] = (current[best] ?? 0) - total;
    cycle.push(best);
  }
  return cycle;
}

/** The share of a plan that one of `count` runs renders (the whole plan for one run). */
export function shardPlan(plan: RenderPlan, shard: RenderShard): RenderPlan {
  if (shard.count <= 1) return plan;
  const cycle = shardCycle(shard.count);
  const mine = <T>(items: readonly T[]): T[] => items.filter((_, i) => cycle[i % cycle.length] === shard.index);
  return { posts: mine(plan.posts), homePages: mine(plan.homePages), taxonomyPages: mine(plan.taxonomyPages), termPages: mine(plan.termPages), years: mine(plan.years), partial: true };
}
