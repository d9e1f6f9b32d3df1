/**
 * Taxonomy indexes (tags, people, organisations, …) built in one linear pass over the posts.
 * Eleventy never sees these values as its own `tags`: per-tag collections are what make plain
 * Eleventy builds of real archives quadratic: every distinct tag becomes a collection that is
 * filtered from all posts and sorted, which grows with tags × posts.
 */
import { createHash } from "node:crypto";
import * as OpenCC from "opencc-js";
import type { Post } from "../content/post.js";
import { withoutWrappingQuotes } from "../frontmatter/leniency.js";
import { slugify } from "../slug.js";

/** The front-matter fields a taxonomy gathers names from. */
type TermField = "tags" | "people" | "companies_orgs" | "products_models" | "project" | "speaker" | "guest" | "area" | "category" | "series";

/** How one taxonomy is built and where its pages live. */
export interface TaxonomySpec {
  /** Key in `_data/ui.json` for its label, and its id. */
  key: string;
  /** URL folder: `/tags/`, `/people/`… */
  path: string;
  fields: readonly TermField[];
}

/** The site's taxonomies, in navigation order. */
export const TAXONOMIES: readonly TaxonomySpec[] = [
  { key: "tags", path: "tags", fields: ["tags"] },
  { key: "speakers", path: "speakers", fields: ["speaker", "guest"] },
  { key: "people", path: "people", fields: ["people"] },
  { key: "companies_orgs", path: "orgs", fields: ["companies_orgs"] },
  { key: "products_models", path: "products", fields: ["products_models"] },
  { key: "series", path: "series", fields: ["series"] },
  { key: "area", path: "areas", fields: ["area"] },
  { key: "category", path: "categories", fields: ["category"] },
  { key: "project", path: "projects", fields: ["project"] },
];

/** The taxonomies a post's header lists, in that order (speakers are in its meta line instead). */
export const POST_HEADER_TAXONOMIES: readonly string[] = ["series", "area", "category", "project", "tags", "people", "companies_orgs", "products_models"];

/** One value of a taxonomy and its posts. */
export interface Term {
  /** Display name: the spelling most posts use (on a tie, the one met first: posts are visited newest first). */
  name: string;
  slug: string;
  /**
   * Site-relative URL: its own page (`/tags/scaling-law/`) when two or more posts carry it; the
   * post's page when only one does (most names in a real archive), which saves a page that would
   * only list that post.
   */
  url: string;
  /** True when the term has a page of its own (two or more posts). */
  hasPage: boolean;
  /** Posts with this value, newest first. */
  posts: Post[];
}

/** A built taxonomy. */
export interface Taxonomy extends TaxonomySpec {
  /** URL of its index page. */
  url: string;
  /** Terms, most posts first, then by name. */
  terms: Term[];
}

/** A problem found while building indexes (names that would share a URL). */
export interface TaxonomyNote {
  taxonomy: string;
  /** The post and front-matter key where the second name was met. */
  slug: string;
  field: string;
  message: string;
}

// Chinese names sort by pinyin, Latin ones alphabetically.
const collator = new Intl.Collator("zh-CN-u-co-pinyin", { sensitivity: "base", numeric: true });

// Traditional Chinese to Simplified (mainland) for comparison and slugs; display names keep the author's script.
const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });

/** A name without quotes around the whole of it (`"“x”"` is `x`): the front-matter reader's own rule, so both agree. */
export function unquoted(name: string): string {
  return withoutWrappingQuotes(name, "all") ?? name.trim();
}

/** Entries a name cache keeps before it starts again (an archive has tens of thousands of names). */
const NAME_CACHE_LIMIT = 200_000;

/**
 * `fn` remembered by its string argument: an archive's posts name the same few thousand terms a
 * quarter of a million times, and the dev server builds the indexes again after every edit.
 */
function remembered<T extends object | string>(fn: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    const known = cache.get(s);
    if (known !== undefined) return known;
    const value = fn(s);
    if (cache.size >= NAME_CACHE_LIMIT) cache.clear();
    cache.set(s, value);
    return value;
  };
}

/** A name as compared and slugged: width folded (NFKC), wrapping quotes removed, Simplified script. Case is kept. */
export const canonicalName: (name: string) => string = remembered((name) => toSimplified(unquoted(name.normalize("NFKC"))));

/**
 * Name identity: letter case, width, wrapping quotes, Traditional/Simplified script and spacing or
 * punctuation differences do not make a new term (`台積電`, `台积电` and `“台积电”` are one).
 */
export function termKey(name: string): string {
  return canonicalName(name).toLowerCase().replace(/[\s\-_.·]+/gu, "");
}

// By canonical name: pinyin conversion is the costliest step of building the indexes.
const slugOfCanonical = remembered((canonical) => slugify(canonical) || `t-${createHash("sha1").update(canonical).digest("hex").slice(0, 8)}`);

/** A URL-safe slug for a name (from its canonical form, so every spelling of a term gets the same one); names with nothing sluggable get a short stable hash. */
export function termSlug(name: string): string {
  return slugOfCanonical(canonicalName(name));
}

/** A front-matter spelling as a taxonomy reads it: without wrapping quotes, and its identity (termKey). */
interface Spelling {
  name: string;
  key: string;
}

/** A front-matter spelling as a taxonomy reads it, each distinct one read once. */
const spelling = remembered((raw): Spelling => {
  const name = unquoted(raw);
  return { name, key: name ? termKey(name) : "" };
});

function fieldValues(post: Post, field: TermField): readonly string[] {
  const v = post[field];
  return v === undefined ? [] : typeof v === "string" ? [v] : v;
}

/** Build every taxonomy in one pass over the posts (which must be sorted newest first). */
export function buildTaxonomies(
  posts: readonly Post[],
  specs: readonly TaxonomySpec[] = TAXONOMIES,
): { taxonomies: Taxonomy[]; termsByPost: Record<string, Record<string, Term[]>>; notes: TaxonomyNote[] } {
  const notes: TaxonomyNote[] = [];
  // Each post's terms per taxonomy, so its page links every name without a lookup by name.
  const termsByPost = Object.create(null) as Record<string, Record<string, Term[]>>;
  for (const post of posts) termsByPost[post.slug] = Object.create(null) as Record<string, Term[]>;
  const taxonomies = specs.map((spec): Taxonomy => {
    const byKey = new Map<string, Term>();
    const bySlug = new Map<string, Term>();
    // How many posts use each spelling of each term: the most used one is shown.
    const spellings = new Map<Term, Map<string, number>>();
    for (const post of posts) {
      const seenInPost = new Set<Term>();
      for (const field of spec.fields) {
        for (const raw of fieldValues(post, field)) {
          const { name, key } = spelling(raw);
          if (!name) continue;
          let term = byKey.get(key);
          if (!term) {
            let slug = termSlug(name);
            const clash = bySlug.get(slug);
            if (clash) {
              // Different names, same URL (`C++` and `C`): keep both, never overwrite one page with the other.
              let n = 2;
              while (bySlug.has(`${slug}-${n}`)) n++;
              notes.push({ taxonomy: spec.key, slug: post.slug, field, message: `'${name}' and '${clash.name}' would share /${spec.path}/${slug}/; '${name}' takes /${spec.path}/${slug}-${n}/ (when two or more posts carry it)` });
              slug = `${slug}-${n}`;
            }
            term = { name, slug, url: `/${spec.path}/${slug}/`, hasPage: true, posts: [] };
            byKey.set(key, term);
            bySlug.set(slug, term);
            spellings.set(term, new Map());
          }
          if (!seenInPost.has(term)) {
            seenInPost.add(term);
            const counts = spellings.get(term)!;
            counts.set(name, (counts.get(name) ?? 0) + 1);
            term.posts.push(post);
            const own = termsByPost[post.slug]!;
            (own[spec.key] ??= []).push(term);
          }
        }
      }
    }
    for (const [term, counts] of spellings) {
      // Map order is first-met order, so a tie keeps the newest post's spelling.
      let best = term.name;
      let most = 0;
      for (const [spelling, n] of counts) if (n > most) [best, most] = [spelling, n];
      term.name = best;
      if (term.posts.length === 1) {
        term.hasPage = false;
        term.url = term.posts[0]!.url;
      }
    }
    const terms = [...byKey.values()].sort((a, b) => b.posts.length - a.posts.length || collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1));
    return { ...spec, url: `/${spec.path}/`, terms };
  });
  return { taxonomies, termsByPost, notes };
}
