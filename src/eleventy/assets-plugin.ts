/**
 * Eleventy plugin: the site's static assets (assets/ → /assets/). The dev server copies them with
 * Eleventy's passthrough copy; the production build runs Eleventy in dry-run mode (pages are written
 * by direct-write-plugin), where passthrough copies nothing, so it calls `copyAssets` itself.
 */
import { cp } from "node:fs/promises";
import path from "node:path";
import { projectRoot, type Options } from "../options.js";
import type { EleventyConfig } from "./types.js";

/** The assets folder of the project, and where it goes in a site. */
const ASSETS = { from: "assets", to: "assets" } as const;

/** Copy the assets into a built site folder. */
export async function copyAssets(siteDir: string): Promise<void> {
  await cp(path.join(projectRoot, ASSETS.from), path.join(siteDir, ASSETS.to), { recursive: true });
}

/** Register the passthrough copy of the assets, and keep Eleventy's own logging quiet. */
export function assetsPlugin(eleventyConfig: EleventyConfig, _options: Options): void {
  eleventyConfig.addPassthroughCopy({ [ASSETS.from]: ASSETS.to });
  eleventyConfig.setQuietMode(true);
}
