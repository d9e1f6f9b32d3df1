/**
 * Build options: where posts are read from, the site's settings, and how drafts are treated.
 * The command-line entry points (scripts/) make them with `resolveOptions`, the one place that
 * reads the environment, and hand them to the Eleventy configuration with `giveOptions`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ContentLoader } from "./content/load.js";
import { parseStagingFaults, type StagingFault } from "./build/staging.js";

/** The site's settings file (`_data/site.json` by default, `--site=FILE` otherwise). */
export const siteSettingsSchema = z.strictObject({
  /** The site's name, in page titles, the header and feeds. */
  title: z.string().min(1),
  /** One or two sentences for the home page, meta description and feeds. */
  description: z.string().default(""),
  /** The site's origin for absolute URLs (feeds, sitemap, canonical links); `SITE_URL` overrides it. */
  url: z.url({ protocol: /^https?$/ }).default("https://example.github.io"),
  /** The language of the pages (`<html lang>`). */
  lang: z.string().min(2).default("zh-CN"),
  /** The site's author, for feeds. */
  author: z.string().default(""),
  /** `publish`: drafts are shown with a badge; `hide`: left out of production builds. */
  drafts: z.enum(["publish", "hide"]).default("publish"),
  /** Posts per page on the home page and taxonomy pages. */
  postsPerPage: z.int().min(1).max(1000).default(20),
  /** Posts in the Atom and JSON feeds. */
  feedSize: z.int().min(1).max(10_000).default(30),
});

/** The site's settings, as validated. */
export type SiteSettings = z.infer<typeof siteSettingsSchema>;

/** What a build needs to know beyond Eleventy's own input and output folders. */
export interface Options {
  /** Folder of Markdown posts (`--input`), absolute. */
  contentDir: string;
  /** The site's settings, with `drafts` and `url` as overridden by the environment. */
  site: SiteSettings;
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
  /** Reads the posts, for the build's check and Eleventy's data alike, and collects later findings. */
  loader: ContentLoader;
  /** For tests: make rendering fail inside Eleventy (`TRANSCRIPTS_FAULT=render`). */
  fault?: "render";
  /**
   * For tests: where swapping the staged site in is made to go wrong (`TRANSCRIPTS_STAGING_FAULT`,
   * comma-separated `kill:POINT`, `exit:POINT` or `fail:POINT`; the points are listed at `StagingFault`).
   */
  stagingFaults?: readonly StagingFault[];
}

/** The project's own folder (templates, config, the default site settings). */
export const projectRoot = path.resolve(import.meta.dirname, "..");

/** The default site settings file. */
export const defaultSiteFile = path.join(projectRoot, "_data/site.json");

/** A settings file that cannot be used; its message names the file and what to change. */
export class SettingsError extends Error {
  override name = "SettingsError";
}

/** Read and validate a site settings file. */
export function readSiteSettings(file: string): SiteSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === "ENOENT" ? "no such file" : err.message;
    throw new SettingsError(`${file}: ${why}; the site settings are a JSON object such as {"title": "My site"}`);
  }
  const parsed = siteSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(top level)"}: ${i.message}`);
    throw new SettingsError(`${file}: ${issues.join("; ")}`);
  }
  return parsed.data;
}

/** What the command line says about a build. */
export interface OptionsInput {
  /** Folder of posts (absolute or relative to the working directory). */
  input: string;
  /** Site settings file; default `_data/site.json`. */
  siteFile?: string;
  dev?: boolean;
  directWrite?: boolean;
  /** The environment: TRANSCRIPTS_DRAFTS and SITE_URL override the settings file. */
  env?: NodeJS.ProcessEnv;
}

/** The options of one build, from the command line, the settings file and the environment. */
export function resolveOptions(input: OptionsInput): Options {
  const env = input.env ?? process.env;
  const settings = readSiteSettings(input.siteFile ?? defaultSiteFile);
  const drafts = env.TRANSCRIPTS_DRAFTS ?? settings.drafts;
  if (drafts !== "publish" && drafts !== "hide") throw new SettingsError(`TRANSCRIPTS_DRAFTS must be 'publish' or 'hide', not '${drafts}'`);
  const siteUrl = env.SITE_URL || settings.url;
  return {
    contentDir: path.resolve(input.input),
    site: { ...settings, drafts, url: siteUrl },
    drafts,
    dev: input.dev ?? false,
    siteUrl,
    directWrite: input.directWrite ?? false,
    loader: new ContentLoader(),
    ...(env.TRANSCRIPTS_FAULT === "render" ? { fault: "render" as const } : {}),
    ...(env.TRANSCRIPTS_STAGING_FAULT ? { stagingFaults: parseStagingFaults(env.TRANSCRIPTS_STAGING_FAULT) } : {}),
  };
}

/**
 * How many Eleventy runs render a clean build at once (`TRANSCRIPTS_RENDER_RUNS`, a whole number from
 * 1), or undefined to let the build choose (one per core for a large archive; see src/build/render.ts).
 */
export function renderRunsSetting(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.TRANSCRIPTS_RENDER_RUNS;
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new SettingsError(`TRANSCRIPTS_RENDER_RUNS must be a whole number from 1 to 64, not '${raw}'`);
  return n;
}

/** Whether the search index is skipped (`NO_SEARCH=1`). */
export function searchDisabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NO_SEARCH === "1";
}

// The Eleventy configuration receives the same config object as the programmatic `config`
// callback that the build passes to Eleventy: options travel with that object.
const given = new WeakMap<object, Options>();

/** Hand a build's options to the Eleventy configuration (call from Eleventy's `config` callback). */
export function giveOptions(eleventyConfig: object, options: Options): void {
  given.set(eleventyConfig, options);
}

/** The options handed over with `giveOptions`. */
export function takeOptions(eleventyConfig: object): Options {
  const options = given.get(eleventyConfig);
  if (!options) throw new SettingsError("the Eleventy configuration was loaded without build options: run it through 'npm run build' or 'npm start'");
  return options;
}
