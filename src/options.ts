/** Build options: where posts are read from and how drafts are treated. Read from the environment the build scripts set. */
import path from "node:path";

/** What a build needs to know beyond Eleventy's own input and output folders. */
export interface Options {
  /** Folder of Markdown posts (`--input`); default `content`. */
  contentDir: string;
  /**
   * How drafts (`draft: true`) are treated in production builds: `publish` shows them with a
   * draft badge (real archives mark nearly everything as draft); `hide` leaves them out. The
   * dev server always shows drafts.
   */
  drafts: "publish" | "hide";
  /** True in the dev server (`npm start`). */
  dev: boolean;
  /** The site's origin for absolute URLs (feeds, sitemap, canonical links). */
  siteUrl: string;
  /** Write each page as soon as it is rendered (production builds; see direct-write-plugin). */
  directWrite: boolean;
}

/** Defaults, overridden by `_data/site.json` and the environment. */
export const defaults = {
  contentDir: "content",
  drafts: "publish",
  dev: false,
  siteUrl: "https://example.github.io",
  directWrite: false,
} satisfies Options;

/** Options from the environment: TRANSCRIPTS_INPUT, TRANSCRIPTS_DRAFTS, TRANSCRIPTS_DIRECT_WRITE, SITE_URL, ELEVENTY_RUN_MODE (set by Eleventy). */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env, site: { drafts?: string; url?: string } = {}): Options {
  const drafts = env.TRANSCRIPTS_DRAFTS ?? site.drafts ?? defaults.drafts;
  if (drafts !== "publish" && drafts !== "hide") throw new Error(`drafts must be 'publish' or 'hide', not '${drafts}' (_data/site.json or TRANSCRIPTS_DRAFTS)`);
  return {
    contentDir: path.resolve(env.TRANSCRIPTS_INPUT ?? defaults.contentDir),
    drafts,
    dev: env.ELEVENTY_RUN_MODE === "serve" || env.ELEVENTY_RUN_MODE === "watch",
    siteUrl: env.SITE_URL || site.url || defaults.siteUrl,
    directWrite: env.TRANSCRIPTS_DIRECT_WRITE === "1",
  };
}
