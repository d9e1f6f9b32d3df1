/** Machine-readable metadata of a post page: schema.org JSON-LD. */
import type { Post } from "../content/post.js";
import type { SiteSettings } from "../options.js";
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

/**
 * schema.org `Article` for a post: a Chinese translation of the original work at `source`. Its summary
 * is the page's meta description and Open Graph description (and is shown on the page): not a fourth
 * copy here, on each of thousands of pages. Its `url` is the page's own (canonical) address, so no
 * `mainEntityOfPage` repeats it; its tags are its `keywords` (the page has no article:tag copies).
 */
export function articleJsonLd(post: Post, url: string, site: Pick<SiteSettings, "title" | "lang">): Record<string, unknown> {
  const people = [post.speaker, post.guest].filter((p): p is string => Boolean(p));
  return {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: post.title,
    datePublished: post.date,
    inLanguage: site.lang,
    url,
    publisher: { "@type": "Organization", name: site.title },
    ...(people.length ? { author: people.map((name) => ({ "@type": "Person", name })) } : {}),
    ...(post.tags.length ? { keywords: post.tags.join(", ") } : {}),
    // A translation only where there are originals; a Chinese-only post is based on its source.
    ...(post.source ? (isBilingual(post.transcript) ? { translationOfWork: { "@type": "CreativeWork", url: post.source, inLanguage: originalLanguage(post) }, isBasedOn: post.source } : { isBasedOn: post.source }) : {}),
  };
}
