/**
 * Eleventy plugin for production builds: writes each page to disk as soon as it is rendered.
 *
 * Eleventy keeps every page's final HTML until the build ends (in a per-page render cache and in
 * the list `write()` returns); for an archive of 9,000 transcripts that is gigabytes. This last
 * transform writes the page itself and hands Eleventy a one-character placeholder, and the build
 * runs Eleventy in dry-run mode so the placeholder is never written. Transforms that must see the
 * final HTML (the path-prefix rewriting of the HTML base plugin) run before it.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { heapGovernor } from "../build/memory.js";
import { PAGE_WRITTEN_EVENT } from "../build/progress.js";
import type { EleventyConfig } from "./types.js";

/** Writes in flight at most: rendering goes on while pages are written, but never far ahead. */
const MAX_PENDING = 32;

/** Register the writing transform (use with `Eleventy#setDryRun(true)`). */
export function directWritePlugin(eleventyConfig: EleventyConfig): void {
  // For the build's progress lines; Eleventy's configuration is an event emitter (`emit` is not in our declared surface).
  const config = eleventyConfig as EleventyConfig & { emit(event: string): unknown };
  const made = new Set<string>();
  const pending = new Set<Promise<void>>();
  // Each page is garbage once written; collecting as the build goes keeps its peak near its live size.
  const tick = heapGovernor();
  // Eleventy awaits its `eleventy.after` handlers: the build ends only when every page is on disk.
  eleventyConfig.on("eleventy.after", async () => {
    await Promise.all(pending);
  });
  eleventyConfig.addTransform("transcripts/direct-write", async function (this: { outputPath?: string | false }, content: string): Promise<string> {
    const out = this.outputPath;
    if (typeof out !== "string" || !out) return content;
    const dir = path.dirname(out);
    if (!made.has(dir)) {
      // Asynchronous on purpose: a synchronous mkdir here (tried) let rendering run ahead of writing, and
      // a 9,000-post build's heap grew to 4.6 GB and its CPU time three-fold.
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    const write = writeFile(out, content)
      .then(() => void config.emit(PAGE_WRITTEN_EVENT))
      .finally(() => pending.delete(write));
    pending.add(write);
    if (pending.size >= MAX_PENDING) await Promise.race(pending);
    tick();
    // Not empty: Eleventy warns about transforms that return nothing.
    return " ";
  });
}
