/** Eleventy plugin: the filters templates use to render transcript text and dates. */
import { renderInline, inlineToText } from "../render/inline.js";
import type { Transcript } from "../transcript/model.js";
import type { EleventyConfig } from "./types.js";

const zhDate = new Intl.DateTimeFormat("zh-CN", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

/** `2025-11-25` → `2025年11月25日`. */
export function readableDate(isoDate: string): string {
  return zhDate.format(new Date(`${isoDate}T00:00:00Z`));
}

/** The smallest heading level of a transcript, so its top headings render as <h2> under the page's <h1>. */
export function minHeadingLevel(transcript: Transcript): number {
  let min = 6;
  for (const s of transcript.sections) if (s.heading && s.level < min) min = s.level;
  return min;
}

/** Register the filters. */
export function filtersPlugin(eleventyConfig: EleventyConfig): void {
  // Inline source → sanitised HTML; templates mark the result `| safe`.
  eleventyConfig.addFilter("inline", (source: string) => renderInline(source ?? ""));
  eleventyConfig.addFilter("plain", (source: string) => inlineToText(source ?? ""));
  eleventyConfig.addFilter("minHeadingLevel", (t: Transcript) => minHeadingLevel(t));
  eleventyConfig.addFilter("readableDate", (isoDate: string) => readableDate(isoDate));
}
