/**
 * The production build: check every post, render the site with Eleventy into a staging folder,
 * then swap it in. Nothing is written over the previous site unless every step succeeded.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { isFailing, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { findPostFiles, type SkippedFile } from "../content/load.js";
import { formatSummary, formatText, summarize } from "../check/report.js";
import { createStaging, discardStaging, recoverInterrupted, swapIn } from "./staging.js";
import { guardOutput, markSite } from "./output-guard.js";
import { folderSize, indexSite } from "../search/index-site.js";
import { collectNow } from "./memory.js";
import { BuildProgress, DEFAULT_PROGRESS_INTERVAL_MS } from "./progress.js";
import { projectRoot, type Options } from "../options.js";
import type { SiteModel } from "../site/model.js";
import { RenderWorkers, renderInParallel, renderRuns, runEleventy } from "./render.js";
import { copyAssets } from "../eleventy/assets-plugin.js";
import { BUILD_MANIFEST, buildFingerprint, PageCache, postFileHashes, type CacheReport } from "./incremental.js";

export { projectRoot };

/** What to build and where. */
export interface BuildOptions {
  /** The site's options (posts folder, settings, drafts), from `resolveOptions`. */
  site: Options;
  /** Also build the search index. */
  search: boolean;
  /** Output folder; replaced only by a successful build. */
  output: string;
  /** URL prefix of a project site (`/repo/`); `/` for a site at the domain root. */
  pathPrefix: string;
  /** Fail on warnings too. */
  strict: boolean;
  /** Where progress and diagnostics go. */
  log: (line: string) => void;
  /** Longest time between two progress lines while the build works; default 10 s. */
  progressIntervalMs?: number;
  /** Posts per search index part; default: the search module's (see indexSite). */
  searchPostsPerPart?: number;
  /** Search index parts indexed at once; default: the search module's (see defaultIndexJobs). */
  searchIndexJobs?: number;
  /** Copy post pages that did not change from the previous site instead of rendering them (see incremental.ts); default true. False renders everything. */
  cache?: boolean;
  /** Eleventy runs rendering a clean build at once (render.ts); default one per core for a large archive. */
  renderRuns?: number;
}

/** What a build did. */
export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  posts: number;
  /** How many post pages were rendered and copied, when the build got that far. */
  cache?: CacheReport;
  /** The size of the site built, when it was built. */
  size?: { bytes: number; files: number };
}

/**
 * Above this a build warns: GitHub Pages publishes sites of at most 1 GB, and the Pages workflow
 * fails before uploading one that is larger (its `size` step).
 */
export const SIZE_WARNING_BYTES = 900 * 2 ** 20;

const MAX_WARNINGS_SHOWN = 20;

/** Run the whole build. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const progress = new BuildProgress(options.log, options.progressIntervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS);
  progress.start();
  const early: EarlyWorkers = {};
  try {
    return await buildSite(options, progress, early);
  } finally {
    progress.stop();
    await early.workers?.release();
  }
}

/** Render workers a build started before it read the posts (see cleanBuildRuns). */
interface EarlyWorkers {
  workers?: RenderWorkers;
}

/**
 * How many runs a build will render in, when that is known before anything is read: a clean build
 * (--no-cache, or no manifest of a previous build in the output folder) of a large archive renders
 * in worker threads (render.ts), which are then started at once and load their modules while this
 * thread reads the posts. Any other build decides after reading (1 here).
 */
async function cleanBuildRuns(options: BuildOptions, output: string): Promise<number> {
  if (options.cache !== false && existsSync(path.join(output, BUILD_MANIFEST))) return 1;
  if (options.renderRuns !== undefined) return options.renderRuns;
  try {
    return renderRuns((await findPostFiles(options.site.contentDir)).files.length);
  } catch {
    return 1; // the loader reports an unreadable content folder
  }
}

async function buildSite(options: BuildOptions, progress: BuildProgress, early: EarlyWorkers): Promise<BuildResult> {
  const { log } = options;
  // Before anything is read or written: may this folder be replaced at all? (Throws OutputRefused.)
  // The build then works on its real path, beside the real folder when it is reached through a link.
  const output = guardOutput({ output: options.output, inputs: [options.site.contentDir], project: projectRoot });
  for (const note of await recoverInterrupted(output)) log(note);
  early.workers = new RenderWorkers(await cleanBuildRuns(options, output));
  // Pages go to disk as they are rendered, not held until the end (see direct-write-plugin).
  const siteOptions: Options = { ...options.site, directWrite: true, dev: false };
  // Front matter first, for every file: an error stops the build before anything is rendered.
  // Transcripts are parsed as their pages render (once each), and their warnings reported after.
  const loader = siteOptions.loader;
  loader.takeLaterDiagnostics();
  // The render workers started for a clean build read a share of the front matter meanwhile.
  const content = await loader.load([siteOptions.contentDir], { transcripts: "lazy", helpers: early.workers.readHelpers() });
  progress.postsDone(content.posts.length);
  if (isFailing(content.diagnostics, options.strict)) {
    reportDiagnostics(content.diagnostics, content.fileCount, options.strict, log, content.skipped);
    log(`build stopped: fix the errors above; ${path.relative(process.cwd(), options.output) || options.output} was not changed.`);
    return { ok: false, diagnostics: content.diagnostics, posts: content.posts.length };
  }

  // Keys of the post pages (incremental.ts), computed before anything is written.
  const [fingerprint, fileHashes] = await Promise.all([
    buildFingerprint({ projectRoot, settings: [siteOptions.site, siteOptions.siteUrl, siteOptions.drafts], pathPrefix: options.pathPrefix }),
    postFileHashes(siteOptions.contentDir, (file) => loader.fileHash(file)),
  ]);
  const cache = new PageCache(output, fingerprint, fileHashes, options.cache !== false, loader);
  let cacheReport: CacheReport | undefined;
  const staging = await createStaging(output);
  let diagnostics = content.diagnostics;
  try {
    progress.phase("writing pages");
    const run = { siteOptions, staging, pathPrefix: options.pathPrefix, planner: (model: SiteModel) => cache.plan(model), onPageWritten: () => progress.pageWritten() };
    // A clean build of a large archive renders on every core (render.ts); one over a previous site has few pages to render.
    const runs = options.renderRuns ?? (cache.fullReason ? renderRuns(content.posts.length) : 1);
    if (runs > 1) await renderInParallel(run, runs, { cache: { previousSite: output, fingerprint, fileHashes: [...fileHashes], useCache: options.cache !== false } }, loader, early.workers);
    else await runEleventy({ ...run, shard: { index: 0, count: 1 } });
    // Any started worker that was not needed (fewer posts published than files read) stops before the index.
    await early.workers?.release();
    // Before the search index, which reads every post page.
    cacheReport = await cache.finish(staging);
    log(cacheReport.fullReason ? `post pages: all ${cacheReport.rendered} rendered (${cacheReport.fullReason})` : `post pages: ${cacheReport.rendered} rendered, ${cacheReport.reused} unchanged ones copied from the previous site`);
    if (!cacheReport.fullReason) {
      log(`list pages (home, terms, taxonomy indexes): ${cacheReport.listsRendered} rendered, ${cacheReport.listsReused} unchanged ones copied; copied posts parsed again for their warnings: ${cacheReport.parsed}`);
    }
    // Dry-run Eleventy copies nothing: the static assets are copied here.
    progress.phase("copying assets");
    await copyAssets(staging);
    if (options.search) {
      progress.phase("indexing search");
      // The rendering's garbage (Eleventy's pages and data, the render workers' messages) goes back to
      // the system before the index's processes start beside this one: the build's peak is their sum.
      collectNow();
      // The site this build replaces: its unchanged index parts are copied, not indexed again (unless --no-cache).
      const previous = options.cache === false ? {} : { previous: output };
      const jobs = options.searchIndexJobs ? { jobs: options.searchIndexJobs } : {};
      const search = await indexSite(staging, options.searchPostsPerPart, (done, total) => progress.searchPart(done, total), { ...previous, ...jobs });
      const copied = search.reused ? ` (${search.reused} unchanged, copied from the previous site)` : "";
      // Pages whose id (fragment hash) an earlier part held, indexed with a salt (src/search/collisions.ts).
      const salted = search.salted ? `, ${search.salted} page${search.salted === 1 ? "" : "s"} salted for ids unique across parts` : "";
      log(`search index: ${search.pages} posts in ${search.parts} part${search.parts === 1 ? "" : "s"}${copied}${salted}, ${search.files} files, ${(search.bytes / 2 ** 20).toFixed(1)} MiB, in ${(search.ms / 1000).toFixed(1)} s`);
      if (search.partSeconds.length > 1) log(`search index parts, seconds each: ${search.partSeconds.map((s) => s.toFixed(1)).join(" ")}`);
      // A fragment keeps its page's text where the search page could not work it out from the page
      // (src/search/fragments.ts): search works all the same, at a fragment's cost. Said, never silent.
      if (search.keptText.length) {
        const some = search.keptText.slice(0, 3).join(", ") + (search.keptText.length > 3 ? ", …" : "");
        const one = search.keptText.length === 1;
        log(`search index: ${search.keptText.length} post${one ? " keeps its" : "s keep their"} text in the index (${some}): the search page could not work ${one ? "its" : "their"} words out from the page${one ? "" : "s"}; search works, at about 14 KiB more per post`);
      }
    }
    diagnostics = sortDiagnostics([...content.diagnostics, ...loader.takeLaterDiagnostics()]);
    reportDiagnostics(diagnostics, content.fileCount, options.strict, log, content.skipped);
    if (isFailing(diagnostics, options.strict)) {
      await discardStaging(staging);
      log(`build stopped: --strict fails on the warnings above; ${path.relative(process.cwd(), options.output) || options.output} was not changed.`);
      return { ok: false, diagnostics, posts: content.posts.length };
    }
    // Last: a marked folder is a complete site (the next run may delete a previous site only then).
    await markSite(staging);
    const swapped = await swapIn(staging, output, siteOptions.stagingFaults);
    if (swapped.previousLeft) {
      log(`the new site is in place, but the previous one could not be deleted (${swapped.reason}); it is still in ${swapped.previousLeft}: delete it yourself (the next build tries again).`);
    }
  } catch (e) {
    await discardStaging(staging);
    throw e;
  }
  log(`built ${content.posts.length} posts into ${path.relative(process.cwd(), options.output) || options.output}`);
  const size = folderSize(output);
  log(`site size: ${(size.bytes / 2 ** 20).toFixed(1)} MiB in ${size.files} files`);
  if (size.bytes > SIZE_WARNING_BYTES) {
    log(`warning: the site is larger than ${SIZE_WARNING_BYTES / 2 ** 20} MiB; GitHub Pages publishes at most 1 GB, and the Pages workflow stops above 1 GiB.`);
  }
  return { ok: true, diagnostics, posts: content.posts.length, ...(cacheReport ? { cache: cacheReport } : {}), size };
}

function reportDiagnostics(diags: readonly Diagnostic[], files: number, strict: boolean, log: (line: string) => void, skipped: readonly SkippedFile[]): void {
  const errors = diags.filter((d) => d.severity === "error");
  const warnings = diags.filter((d) => d.severity === "warning");
  for (const d of errors) log(formatText(d));
  for (const d of warnings.slice(0, strict ? warnings.length : MAX_WARNINGS_SHOWN)) log(formatText(d));
  if (!strict && warnings.length > MAX_WARNINGS_SHOWN) {
    const byRule = new Map<string, number>();
    for (const d of warnings) byRule.set(d.rule, (byRule.get(d.rule) ?? 0) + 1);
    log(`… and ${warnings.length - MAX_WARNINGS_SHOWN} more warnings (${[...byRule].map(([r, n]) => `${r} ×${n}`).join(", ")}); run 'npm run check' to list them all.`);
  }
  // Skipped files are listed once, in the summary: so it is shown when any were skipped, even with no diagnostics.
  if (diags.length > 0 || skipped.length > 0) log(formatSummary(summarize(diags, files, skipped), strict));
}
