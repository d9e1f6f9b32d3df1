/**
 * Related posts by shared series, people and tags, weighted so that rare values count more.
 * Uses the taxonomy terms as an inverted index, so the work grows with the posts' shared values,
 * not with the square of the archive; scores live in one typed array reused for every post.
 */
import type { Post } from "../content/post.js";
import type { Taxonomy } from "./taxonomy.js";

/** How much a shared value of each taxonomy counts. */
const WEIGHTS: Readonly<Record<string, number>> = { series: 4, people: 2, speakers: 1.5, tags: 1, companies_orgs: 0.75, products_models: 0.75 };
/** Values shared by more posts than this say little about relatedness and would make the pass quadratic. */
const MAX_TERM_POSTS = 200;

/** Up to `limit` related posts for every post, keyed by slug. */
export function relatedPosts(posts: readonly Post[], taxonomies: readonly Taxonomy[], limit = 5): Map<string, Post[]> {
  const index = new Map<Post, number>();
  posts.forEach((p, i) => index.set(p, i));
  // For each post, the (weight, member indexes) of the terms it belongs to.
  const termsOf: { weight: number; members: Int32Array }[][] = posts.map(() => []);
  for (const tax of taxonomies) {
    const w = WEIGHTS[tax.key];
    if (!w) continue;
    for (const term of tax.terms) {
      if (term.posts.length < 2 || term.posts.length > MAX_TERM_POSTS) continue;
      const entry = { weight: w / Math.log2(1 + term.posts.length), members: Int32Array.from(term.posts, (p) => index.get(p) ?? -1) };
      for (const i of entry.members) if (i >= 0) termsOf[i]!.push(entry);
    }
  }
  const scores = new Float64Array(posts.length);
  const touched: number[] = [];
  const result = new Map<string, Post[]>();
  posts.forEach((post, self) => {
    for (const { weight, members } of termsOf[self]!) {
      for (const other of members) {
        if (other === self || other < 0) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] = (scores[other] ?? 0) + weight;
      }
    }
    // Posts are sorted newest first, so among equal scores the lower index is the newer post.
    touched.sort((a, b) => scores[b]! - scores[a]! || a - b);
    result.set(post.slug, touched.slice(0, limit).map((i) => posts[i]!));
    for (const i of touched) scores[i] = 0;
    touched.length = 0;
  });
  return result;
}
