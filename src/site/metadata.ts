/** Machine-readable metadata: JSON-LD for posts and the JSON Feed document. */
import type { Post } from "../content/post.js";
import { isBilingual } from "../transcript/model.js";

/** The language most of a post's originals are in (`en` when it has none). */
export function originalLanguage(post: Post): string {
  const counts = new Map<string, number>();
  for (const s of post.transcript.sections) for (const t of s.turns) if (t.original) counts.set(t.original.lang, (counts.get(t.original.lang) ?? 0) + 1);
  let best = "en";
  let most = 0;
  for (const [lang, n] of counts) if (n > most) [best, most] = [lang, n];
  return best;
}

/** schema.org `Article` for a post: a Chinese translation of the original work at `source`. */
export function articleJsonLd(post: Post, url: string, siteName: string): Record<string, unknown> {
  const people = [post.speaker, post.guest].filter((p): p is string => Boolean(p));
  return {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: post.title,
    ...(post.summary ? { description: post.summary } : {}),
    datePublished: post.date,
    inLanguage: "zh-CN",
    url,
    mainEntityOfPage: url,
    publisher: { "@type": "Organization", name: siteName },
    ...(people.length ? { author: people.map((name) => ({ "@type": "Person", name })) } : {}),
    ...(post.tags.length ? { keywords: post.tags.join(", ") } : {}),
    // A translation only where there are originals; a Chinese-only post is based on its source.
    ...(post.source ? (isBilingual(post.transcript) ? { translationOfWork: { "@type": "CreativeWork", url: post.source, inLanguage: originalLanguage(post) }, isBasedOn: post.source } : { isBasedOn: post.source }) : {}),
  };
}

/** Feed-level facts shared by the Atom and JSON feeds. */
export interface FeedMeta {
  title: string;
  description: string;
  homeUrl: string;
  feedUrl: string;
}

/** A JSON Feed 1.1 document for the newest posts. `abs` turns a site-relative URL into an absolute one. */
export function jsonFeed(posts: readonly Post[], meta: FeedMeta, abs: (url: string) => string): Record<string, unknown> {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: meta.title,
    home_page_url: meta.homeUrl,
    feed_url: meta.feedUrl,
    description: meta.description,
    language: "zh-CN",
    items: posts.map((p) => {
      const url = abs(`/posts/${p.slug}/`);
      const people = [p.speaker, p.guest].filter((x): x is string => Boolean(x));
      return {
        id: url,
        url,
        title: p.title,
        content_text: p.summary ?? p.title,
        ...(p.summary ? { summary: p.summary } : {}),
        date_published: `${p.date}T00:00:00Z`,
        ...(p.source ? { external_url: p.source } : {}),
        ...(p.tags.length ? { tags: p.tags } : {}),
        ...(people.length ? { authors: people.map((name) => ({ name })) } : {}),
      };
    }),
  };
}
