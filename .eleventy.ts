/**
 * Eleventy configuration: only wires the plugins of src/ together (no logic here). The build and
 * the dev server hand it their options through Eleventy's `config` callback (src/options.ts).
 */
import { HtmlBasePlugin } from "@11ty/eleventy";
import { takeOptions } from "./src/options.js";
import { contentPlugin } from "./src/eleventy/content-plugin.js";
import { filtersPlugin } from "./src/eleventy/filters-plugin.js";
import { assetsPlugin } from "./src/eleventy/assets-plugin.js";
import { directWritePlugin } from "./src/eleventy/direct-write-plugin.js";
import { templateCachePlugin } from "./src/eleventy/template-cache-plugin.js";
import type { EleventyConfig } from "./src/eleventy/types.js";

export default function (eleventyConfig: EleventyConfig): void {
  const options = takeOptions(eleventyConfig);
  // Above _data/site.json in Eleventy's data cascade: the settings file the build was given wins.
  eleventyConfig.addGlobalData("site", options.site);
  eleventyConfig.addPlugin(templateCachePlugin);
  eleventyConfig.addPlugin(assetsPlugin, options);
  eleventyConfig.addPlugin(contentPlugin, { ...options, perPage: options.site.postsPerPage });
  eleventyConfig.addPlugin(filtersPlugin, { siteUrl: options.siteUrl });
  eleventyConfig.addPlugin(HtmlBasePlugin);
  // Last: it writes the final HTML, after every other transform.
  if (options.directWrite) eleventyConfig.addPlugin(directWritePlugin);
}

export const config = {
  // No output folder here: the build script passes a staging folder, which must win.
  dir: { input: "pages", includes: "../_includes", data: "../_data" },
  templateFormats: ["njk"],
  htmlTemplateEngine: "njk",
  // Post text never goes through a template engine: posts are data, rendered by our parser.
  markdownTemplateEngine: false,
};
