/**
 * Related posts by shared series, people and tags, weighted so that rare values count more.
 * Uses the taxonomy terms as an inverted index, so the work grows with the posts' shared values,
 * not with the square of the archive.
 */
import type { Post } from "../content/post.js";
import type { Taxonomy } from "./taxonomy.js";

/** How much a shared value of each taxonomy counts. */
const WEIGHTS: Readonly<Record<string, number>> = { series: 4, people: 2, speakers: 1.5, tags: 1, companies_orgs: 0.75, products_models: 0.75 };
/** Values shared by more posts than this say little about relatedness and would make the pass quadratic. */
const MAX_TERM_POSTS = 400;

/** Up to `limit` related posts for every post, keyed by slug. */
export function relatedPosts(posts: readonly Post[], taxonomies: readonly Taxonomy[], limit = 5): Map<string, Post[]> {
  const termsOf = new Map<Post, { weight: number; posts: Post[] }[]>();
  for (const tax of taxonomies) {
    const w = WEIGHTS[tax.key];
    if (!w) continue;
    for (const term of tax.terms) {
      if (term.posts.length < 2 || term.posts.length > MAX_TERM_POSTS) continue;
      const entry = { weight: w / Math.log2(1 + term.posts.length), posts: term.posts };
      for (const p of term.posts) {
        let list = termsOf.get(p);
        if (!list) termsOf.set(p, (list = []));
        list.push(entry);
      }
    }
  }
  const result = new Map<string, Post[]>();
  for (const post of posts) {
    const scores = new Map<Post, number>();
    for (const { weight, posts: members } of termsOf.get(post) ?? []) {
      for (const other of members) if (other !== post) scores.set(other, (scores.get(other) ?? 0) + weight);
    }
    const ranked = [...scores].sort((a, b) => b[1] - a[1] || (a[0].date < b[0].date ? 1 : a[0].date > b[0].date ? -1 : a[0].slug < b[0].slug ? -1 : 1));
    result.set(post.slug, ranked.slice(0, limit).map(([p]) => p));
  }
  return result;
}
