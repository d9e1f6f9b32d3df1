/** Eleventy plugin: the filters templates use to render transcript text and dates. */
import path from "node:path";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { renderInline, inlineToText } from "../render/inline.js";
import { isBilingual, type Transcript, type Turn } from "../transcript/model.js";
import type { Post } from "../content/post.js";
import { articleJsonLd } from "../site/metadata.js";
import { feedModel, jsonFeed, type FeedModel } from "../site/feed.js";
import type { SiteSettings } from "../options.js";
import { readingMinutes } from "../site/reading.js";
import { speakerSlots, speakerTurns, type SpeakerCount } from "../site/speakers.js";
import { glossaryOf, markTerms } from "../render/glossary.js";
import { passageHtml, type PassageLabels } from "../render/passage.js";
import type { EleventyConfig } from "./types.js";

const zhDate = new Intl.DateTimeFormat("zh-CN", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

// An archive has a few thousand dates, each shown on many pages: formatted once each.
const readableDates = new Map<string, string>();

/** `2025-11-25` → `2025年11月25日`. */
export function readableDate(isoDate: string): string {
  let text = readableDates.get(isoDate);
  if (text === undefined) readableDates.set(isoDate, (text = zhDate.format(new Date(`${isoDate}T00:00:00Z`))));
  return text;
}

/** The smallest heading level of a transcript, so its top headings render as <h2> under the page's <h1>. */
export function minHeadingLevel(transcript: Transcript): number {
  let min = 6;
  for (const s of transcript.sections) if (s.heading && s.level < min) min = s.level;
  return min;
}

/**
 * A site-relative URL made absolute on the site's origin, with the path prefix: the HTML base plugin's
 * own joining, so feeds and pages agree. A path (`/posts/x/`, what pages ask for) is joined here as
 * the plugin joins it: the plugin first tries the path as a whole URL, and the exception that costs
 * was a noticeable part of rendering an archive.
 */
export function absoluteUrl(siteUrl: string, pathPrefix: string, url: string): string {
  if (url.startsWith("/") && !url.startsWith("//") && URL.canParse(siteUrl)) {
    const u = new URL(url, siteUrl);
    if (pathPrefix) u.pathname = path.posix.join(pathPrefix, u.pathname);
    return u.toString();
  }
  return HtmlBasePlugin.applyBaseToUrl(url, siteUrl, { pathPrefix });
}

/** JSON for a `<script type="application/ld+json">` block: `<` escaped so no text can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** Options of the filters plugin. */
export interface FiltersOptions {
  /** The site's origin for absolute URLs in feeds, sitemaps and metadata (`https://user.github.io`). */
  siteUrl: string;
}

/** Register the filters. */
export function filtersPlugin(eleventyConfig: EleventyConfig, options: FiltersOptions): void {
  eleventyConfig.addFilter("absoluteUrl", (url: string) => absoluteUrl(options.siteUrl, eleventyConfig.pathPrefix ?? "/", url));
  eleventyConfig.addFilter("scriptJson", (value: unknown) => scriptJson(value));
  eleventyConfig.addFilter("zhMonth", (month: number) => `${month}月`);
  const abs = (url: string): string => absoluteUrl(options.siteUrl, eleventyConfig.pathPrefix ?? "/", url);
  eleventyConfig.addFilter("articleJsonLd", (post: Post, site: SiteSettings) => scriptJson(articleJsonLd(post, abs(post.url), site)));
  eleventyConfig.addFilter("feedModel", (posts: Post[], site: SiteSettings) => feedModel(posts, site, abs));
  eleventyConfig.addFilter("jsonFeed", (feed: FeedModel) => JSON.stringify(jsonFeed(feed), null, 2));
  // "第 {n} / {total} 页": UI strings with placeholders live in _data/ui.json.
  eleventyConfig.addFilter("fill", (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (m, k: string) => String(values[k] ?? m)));
  // Inline source → sanitised HTML; templates mark the result `| safe`.
  eleventyConfig.addFilter("inline", (source: string) => renderInline(source ?? ""));
  eleventyConfig.addFilter("plain", (source: string) => inlineToText(source ?? ""));
  eleventyConfig.addFilter("minHeadingLevel", (t: Transcript) => minHeadingLevel(t));
  eleventyConfig.addFilter("bilingual", (t: Transcript) => isBilingual(t));
  eleventyConfig.addFilter("readableDate", (isoDate: string) => readableDate(isoDate));
  eleventyConfig.addFilter("terms", (html: string) => markTerms(html));
  // One passage's HTML (src/render/passage.ts): post.njk writes each passage with it.
  eleventyConfig.addFilter("passage", (turn: Turn, slots: Record<string, number>, ui: PassageLabels) => passageHtml(turn, slots, ui));
  eleventyConfig.addFilter("glossary", (t: Transcript) => glossaryOf(t));
  eleventyConfig.addFilter("readingMinutes", (t: Transcript) => readingMinutes(t));
  eleventyConfig.addFilter("speakerTurns", (t: Transcript) => speakerTurns(t));
  // name → colour slot (0–5), so each speaker keeps one colour through the page.
  eleventyConfig.addFilter("speakerSlots", (speakers: SpeakerCount[]) => speakerSlots(speakers));
}
