/** Eleventy plugin: static assets and the watch setup of the layout layer. */
import type { Options } from "../options.js";
import type { EleventyConfig } from "./types.js";

/** Copy assets and keep the dev server quiet and focused. */
export function layoutPlugin(eleventyConfig: EleventyConfig, _options: Options): void {
  eleventyConfig.addPassthroughCopy({ "assets": "assets" });
  eleventyConfig.setQuietMode(true);
}
