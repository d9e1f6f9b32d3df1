/**
 * The site's feed: one model of the newest posts, rendered as Atom (pages/feed-atom.njk) and as
 * JSON Feed 1.1 (`jsonFeed`), so the two can never disagree about a post's authors, summary or tags.
 */
import type { Post } from "../content/post.js";
import type { SiteSettings } from "../options.js";

/** One post in the feed. */
export interface FeedItem {
  /** Absolute URL of the post's page; also its id. */
  url: string;
  title: string;
  /** RFC 3339 date-time of the post's date (midnight UTC). */
  published: string;
  /** The summary, or the title when there is none (both formats want some text). */
  summary: string;
  /** True when `summary` is the post's own summary, not the title standing in. */
  hasSummary: boolean;
  /** The original video or page. */
  source?: string;
  tags: string[];
  /** The people heard: speaker, then guest. */
  authors: string[];
}

/** The feed as both formats render it. */
export interface FeedModel {
  title: string;
  description: string;
  lang: string;
  /** The site's author (the feed's own author), or its title when it names none. */
  author: string;
  homeUrl: string;
  atomUrl: string;
  jsonUrl: string;
  /** RFC 3339: the newest post's date, or the epoch for an empty site. */
  updated: string;
  items: FeedItem[];
}

const rfc3339 = (isoDate: string): string => `${isoDate}T00:00:00Z`;

/** The feed of the `site.feedSize` newest posts (`posts` newest first). `abs` makes a site-relative URL absolute. */
export function feedModel(posts: readonly Post[], site: SiteSettings, abs: (url: string) => string): FeedModel {
  return {
    title: site.title,
    description: site.description,
    lang: site.lang,
    // Atom wants an author; a site without one is its own.
    author: site.author || site.title,
    homeUrl: abs("/"),
    atomUrl: abs("/feed.xml"),
    jsonUrl: abs("/feed.json"),
    updated: rfc3339(posts[0]?.date ?? "1970-01-01"),
    items: posts.slice(0, site.feedSize).map((p) => ({
      url: abs(p.url),
      title: p.title,
      published: rfc3339(p.date),
      summary: p.summary ?? p.title,
      hasSummary: Boolean(p.summary),
      ...(p.source ? { source: p.source } : {}),
      tags: [...p.tags],
      authors: [p.speaker, p.guest].filter((x): x is string => Boolean(x)),
    })),
  };
}

/** The feed as a JSON Feed 1.1 document. */
export function jsonFeed(feed: FeedModel): Record<string, unknown> {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.jsonUrl,
    description: feed.description,
    language: feed.lang,
    authors: [{ name: feed.author }],
    items: feed.items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.title,
      content_text: item.summary,
      ...(item.hasSummary ? { summary: item.summary } : {}),
      date_published: item.published,
      ...(item.source ? { external_url: item.source } : {}),
      ...(item.tags.length ? { tags: item.tags } : {}),
      ...(item.authors.length ? { authors: item.authors.map((name) => ({ name })) } : {}),
    })),
  };
}
