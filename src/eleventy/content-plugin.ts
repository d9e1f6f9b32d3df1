/** Eleventy plugin: exposes the posts of the content folder as global data `posts` (read and parsed once per build). */
import { isFailing } from "../diagnostics.js";
import { loadContent } from "../content/load.js";
import type { Post } from "../content/post.js";
import { formatText } from "../check/report.js";
import type { Options } from "../options.js";
import { buildSiteModel, type SiteModel } from "../site/archive.js";
import type { EleventyConfig } from "./types.js";

/** Raised when posts have errors, so Eleventy stops before writing pages. */
export class ContentError extends Error {
  override name = "ContentError";
}

/** Posts a build publishes under the drafts policy. */
export function publishedPosts(posts: readonly Post[], options: Pick<Options, "drafts" | "dev">): Post[] {
  return options.drafts === "hide" && !options.dev ? posts.filter((p) => !p.draft) : [...posts];
}

/** Content options the plugin needs beyond the build options. */
export interface ContentPluginOptions extends Options {
  /** Posts per page on the home page and taxonomy pages. */
  perPage: number;
}

/** Register the `archive` global data (the site model) and watch the content folder. */
export function contentPlugin(eleventyConfig: EleventyConfig, options: ContentPluginOptions): void {
  eleventyConfig.addWatchTarget(options.contentDir);
  eleventyConfig.addGlobalData("archive", async (): Promise<SiteModel> => {
    const { posts, diagnostics } = await loadContent([options.contentDir]);
    if (isFailing(diagnostics, false)) {
      const errors = diagnostics.filter((d) => d.severity === "error");
      // The build script reports everything before Eleventy starts; this path is the dev server's.
      throw new ContentError(`${errors.length} error(s) in posts:\n${errors.map(formatText).join("\n")}`);
    }
    const model = buildSiteModel(publishedPosts(posts, options), options.perPage);
    for (const note of model.notes) console.warn(`[taxonomy ${note.taxonomy}] ${note.message}`);
    return model;
  });
}
