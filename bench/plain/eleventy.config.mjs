// The baseline: a plain Eleventy build of the same Markdown with a one-line layout, as any user could set up.
import path from "node:path";
import { fileURLToPath } from "node:url";

export default function (eleventyConfig) {
  // Eleventy resolves includes relative to the input folder; the corpus lives elsewhere.
  const includes = fileURLToPath(new URL("./_includes", import.meta.url));
  eleventyConfig.setIncludesDirectory(path.relative(process.env.PLAIN_INPUT ?? ".", includes));
}

export const config = { markdownTemplateEngine: false, htmlTemplateEngine: "njk" };
