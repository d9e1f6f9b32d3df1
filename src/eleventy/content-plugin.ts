/** Eleventy plugin: exposes the posts of the content folder, and everything built from them, as the global data `model` (the site model). */
import { isFailing } from "../diagnostics.js";
import type { Post } from "../content/post.js";
import { formatText } from "../check/report.js";
import type { Options } from "../options.js";
import { buildSiteModel, type SiteModel } from "../site/model.js";
import { bodyOnlyChanges, fullPlan, postsOnlyPlan, type RenderPlan } from "../site/render-plan.js";
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

/** The site model plus what this build renders. */
export type ModelData = SiteModel & { render: RenderPlan };

/** Chooses what a build renders of its site model (the full plan when none is given). */
export type RenderPlanner = (model: SiteModel) => RenderPlan;

// Keyed by Eleventy's configuration object, which the build's `config` callback and the plugins share.
const planners = new WeakMap<object, RenderPlanner>();

/** Have a build's render plan chosen by `planner` (call from Eleventy's `config` callback): the page cache's. */
export function planWith(eleventyConfig: object, planner: RenderPlanner): void {
  planners.set(eleventyConfig, planner);
}

/** Register the `model` global data (the site model) and watch the content folder. */
export function contentPlugin(eleventyConfig: EleventyConfig, options: ContentPluginOptions): void {
  const planner = planners.get(eleventyConfig) ?? fullPlan;
  eleventyConfig.addWatchTarget(options.contentDir);
  // The dev server keeps the last model: an edit to a transcript's text re-renders only its page.
  let last: SiteModel | undefined;
  eleventyConfig.addGlobalData("model", async (): Promise<ModelData> => {
    if (options.fault === "render") throw new Error("rendering failed on purpose (TRANSCRIPTS_FAULT=render, for tests)");
    // Production builds parse each transcript when its page renders; the dev server keeps them for quick rebuilds.
    const { posts, diagnostics } = await options.loader.load([options.contentDir], { transcripts: options.dev ? "keep" : "lazy" });
    if (isFailing(diagnostics, false)) {
      const errors = diagnostics.filter((d) => d.severity === "error");
      // The build script reports everything before Eleventy starts; this path is the dev server's.
      throw new ContentError(`${errors.length} error(s) in posts:\n${errors.map(formatText).join("\n")}`);
    }
    const published = publishedPosts(posts, options);
    const changed = options.dev && last ? bodyOnlyChanges(last.posts, published) : undefined;
    if (last && changed) {
      // Same front matter everywhere: lists, indexes and feeds are unchanged; point them at the new posts.
      last = { ...last, posts: published };
      return { ...last, render: postsOnlyPlan(changed) };
    }
    const model = buildSiteModel(published, options.perPage);
    for (const note of model.notes) {
      const finding = { slug: note.slug, key: note.field, severity: "warning" as const, rule: "term-slug-clash", message: `${note.message}. Rename one of the two if they are the same name.` };
      options.loader.report(finding);
    }
    // The dev server shows them at once; a build reports them with every other warning at its end.
    if (options.dev) for (const d of options.loader.takeLaterDiagnostics()) console.warn(formatText(d));
    if (options.dev) last = model;
    return { ...model, render: planner(model) };
  });
}
