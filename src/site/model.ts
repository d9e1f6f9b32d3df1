/**
 * Everything the site's pages are paginated from, computed once per build from the published
 * posts: home pages, taxonomy indexes and term pages, the archive by year and month, series
 * navigation and related posts.
 */
import type { Post } from "../content/post.js";
import { relatedPosts } from "./related.js";
import { buildTaxonomies, POST_HEADER_TAXONOMIES, type Taxonomy, type TaxonomyNote, type Term } from "./taxonomy.js";

/** One page of a paginated list of posts. */
export interface ListPage {
  /** Site-relative URL of this page. */
  url: string;
  /** 1-based page number and count. */
  number: number;
  total: number;
  posts: Post[];
  previousUrl?: string;
  nextUrl?: string;
}

/** One page of a taxonomy term's posts. */
export interface TermPage extends ListPage {
  taxonomy: Taxonomy;
  term: Term;
}

/** One page of a taxonomy's index: its terms, most used first. */
export interface TaxonomyIndexPage {
  taxonomy: Taxonomy;
  url: string;
  number: number;
  total: number;
  terms: Term[];
  /** 1-based rank of the first and last term on this page. */
  from: number;
  to: number;
  previousUrl?: string;
  nextUrl?: string;
}

/**
 * Terms per taxonomy index page: a real archive has 14,000 tags, and one page of them all was
 * 1.4 MB. At this size a page stays well under 150 KB, also with long Chinese names.
 */
export const TERMS_PER_INDEX_PAGE = 500;

/**
 * The URL of page `n` of a taxonomy's index. `_` never occurs in a term's slug, so no term page can
 * take these URLs.
 */
export const taxonomyIndexUrl = (taxonomy: Taxonomy, n: number): string => (n === 1 ? taxonomy.url : `${taxonomy.url}_/${n}/`);

/** Posts of one month. */
export interface ArchiveMonth {
  month: number;
  posts: Post[];
}

/** Posts of one year, by month (newest first). */
export interface ArchiveYear {
  year: number;
  url: string;
  count: number;
  months: ArchiveMonth[];
}

/** A post's place in its series. */
export interface SeriesNav {
  term: Term;
  /** 1-based position, oldest first. */
  index: number;
  total: number;
  previous?: Post;
  next?: Post;
}

/** The site model: what templates paginate over. */
export interface SiteModel {
  posts: Post[];
  homePages: ListPage[];
  taxonomies: Taxonomy[];
  /** Keys of the taxonomies a post's header lists, in order. */
  headerTaxonomies: readonly string[];
  /** Each post's terms by taxonomy key, by post slug. */
  termsByPost: Record<string, Record<string, Term[]>>;
  termPages: TermPage[];
  /** The taxonomies' index pages. */
  taxonomyPages: TaxonomyIndexPage[];
  years: ArchiveYear[];
  /** Series navigation by post slug (plain objects: templates index them by slug). */
  series: Record<string, SeriesNav>;
  /** Related posts by post slug. */
  related: Record<string, Post[]>;
  notes: TaxonomyNote[];
}

/** Split posts into pages under a base URL (`/` → `/`, `/page/2/`; `/tags/x/` → `/tags/x/`, `/tags/x/2/`). */
export function paginate(posts: readonly Post[], perPage: number, pageUrl: (n: number) => string): ListPage[] {
  const total = Math.max(1, Math.ceil(posts.length / perPage));
  return Array.from({ length: total }, (_, i) => ({
    url: pageUrl(i + 1),
    number: i + 1,
    total,
    posts: posts.slice(i * perPage, (i + 1) * perPage),
    ...(i > 0 ? { previousUrl: pageUrl(i) } : {}),
    ...(i + 1 < total ? { nextUrl: pageUrl(i + 2) } : {}),
  }));
}

/** Build the site model from published posts sorted newest first. */
export function buildSiteModel(posts: Post[], perPage: number): SiteModel {
  const { taxonomies, termsByPost, notes } = buildTaxonomies(posts);
  const homePages = paginate(posts, perPage, (n) => (n === 1 ? "/" : `/page/${n}/`));
  const termPages: TermPage[] = [];
  const taxonomyPages: TaxonomyIndexPage[] = [];
  for (const taxonomy of taxonomies) {
    const total = Math.max(1, Math.ceil(taxonomy.terms.length / TERMS_PER_INDEX_PAGE));
    for (let n = 1; n <= total; n++) {
      taxonomyPages.push({
        taxonomy,
        url: taxonomyIndexUrl(taxonomy, n),
        number: n,
        total,
        terms: taxonomy.terms.slice((n - 1) * TERMS_PER_INDEX_PAGE, n * TERMS_PER_INDEX_PAGE),
        from: (n - 1) * TERMS_PER_INDEX_PAGE + 1,
        to: Math.min(n * TERMS_PER_INDEX_PAGE, taxonomy.terms.length),
        ...(n > 1 ? { previousUrl: taxonomyIndexUrl(taxonomy, n - 1) } : {}),
        ...(n < total ? { nextUrl: taxonomyIndexUrl(taxonomy, n + 1) } : {}),
      });
    }
    for (const term of taxonomy.terms) {
      if (!term.hasPage) continue;
      for (const page of paginate(term.posts, perPage, (n) => (n === 1 ? term.url : `${term.url}${n}/`))) termPages.push({ ...page, taxonomy, term });
    }
  }
  const years: ArchiveYear[] = [];
  for (const post of posts) {
    const year = Number(post.date.slice(0, 4));
    const month = Number(post.date.slice(5, 7));
    let y = years.at(-1);
    if (!y || y.year !== year) years.push((y = { year, url: `/archive/${year}/`, count: 0, months: [] }));
    let m = y.months.at(-1);
    if (!m || m.month !== month) y.months.push((m = { month, posts: [] }));
    m.posts.push(post);
    y.count++;
  }
  const series: Record<string, SeriesNav> = Object.create(null) as Record<string, SeriesNav>;
  for (const term of taxonomies.find((t) => t.key === "series")?.terms ?? []) {
    const ordered = [...term.posts].reverse();
    ordered.forEach((post, i) => {
      series[post.slug] = { term, index: i + 1, total: ordered.length, ...(i > 0 ? { previous: ordered[i - 1] } : {}), ...(i + 1 < ordered.length ? { next: ordered[i + 1] } : {}) };
    });
  }
  return { posts, homePages, taxonomies, headerTaxonomies: POST_HEADER_TAXONOMIES, termsByPost, termPages, taxonomyPages, years, series, related: Object.assign(Object.create(null) as Record<string, Post[]>, Object.fromEntries(relatedPosts(posts, taxonomies))), notes };
}
