/**
 * Rendering a production build's pages with Eleventy, on every core the machine has.
 *
 * Eleventy renders one page at a time on one thread, and an archive has tens of thousands of pages.
 * A clean build of a large archive therefore runs Eleventy in worker threads too, each over a share
 * of the pages: every run has the posts the main thread read, builds the same site model, plans the same pages
 * (incremental.ts), and renders the items of every paginated list whose place is its share
 * (`shardPlan`: the main thread's a little smaller, see RUN_WEIGHTS); the pages that are not paginated from the plan (the archive index, feeds, sitemap,
 * search page, 404) are rendered by the main thread's run alone. A page is rendered from the same
 * data wherever it runs, so the site is byte for byte the same as one thread's.
 *
 * What a worker's parsing found (each transcript's warnings) is sent back and reported by the build
 * as its own, and the page cache keeps it as it keeps the main thread's.
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Eleventy from "@11ty/eleventy";
import type { LocalDiagnostic } from "../diagnostics.js";
import type { ContentLoader, LoadedFile, ReadHelper, ReadShare } from "../content/load.js";
import { planWith, type RenderPlanner } from "../eleventy/content-plugin.js";
import { giveOptions, projectRoot, type Options } from "../options.js";
import { shardPlan, type RenderShard } from "../site/render-plan.js";
import { PAGE_WRITTEN_EVENT } from "./progress.js";

export { shardPlan, type RenderShard };

/** Fewest posts for which a build renders in worker threads: below it, starting them costs more than they save. */
export const MIN_POSTS_PER_WORKER = 400;
/** Most runs at once: each holds the site model and its own Eleventy. */
const MAX_RUNS = 4;

/** How many runs render a clean build of `posts` posts: one per core, within the bounds above. */
export function renderRuns(posts: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, MAX_RUNS, Math.floor(posts / MIN_POSTS_PER_WORKER)));
}

/** One Eleventy run of a production build into `staging`. */
export interface EleventyRun {
  siteOptions: Options;
  staging: string;
  pathPrefix: string;
  planner: RenderPlanner;
  shard: RenderShard;
  onPageWritten: () => void;
}

/** Render (this run's share of) the site with Eleventy into `staging`. */
export async function runEleventy(run: EleventyRun): Promise<void> {
  const elev = new Eleventy(path.join(projectRoot, "pages"), run.staging, {
    configPath: path.join(projectRoot, ".eleventy.ts"),
    pathPrefix: run.pathPrefix,
    quietMode: true,
    config: (eleventyConfig: { on(event: string, handler: () => void): void; addPreprocessor(name: string, ext: string, fn: (data: { pagination?: { data?: unknown } }) => false | undefined): void }) => {
      giveOptions(eleventyConfig, run.siteOptions);
      planWith(eleventyConfig, (model) => shardPlan(run.planner(model), run.shard));
      // The page-writing plugin emits this on the same configuration object (no shared state).
      eleventyConfig.on(PAGE_WRITTEN_EVENT, run.onPageWritten);
      if (run.shard.index > 0) {
        // Pages that are not paginated from the render plan are the first run's.
        eleventyConfig.addPreprocessor("transcripts-shard", "*", (data) => (typeof data.pagination?.data === "string" && data.pagination.data.startsWith("model.render.") ? undefined : false));
      }
    },
  });
  elev.setDryRun(true);
  // Its closing "Wrote 0 files" would mislead (dry run: our plugin writes); warnings and errors still show.
  elev.logger.overrideLogger({ log: () => {}, info: () => {}, warn: (...a: unknown[]) => console.warn(...a), error: (...a: unknown[]) => console.error(...a) });
  await elev.write();
}

/** What a worker's run is given (plain data: it crosses to the worker thread). */
export interface WorkerInput {
  staging: string;
  pathPrefix: string;
  shard: RenderShard;
  /** The build's options without its loader (each run reads the posts with a loader of its own). */
  options: Omit<Options, "loader" | "stagingFaults">;
  /** What the main thread's loader read (its posts' front matter, checked), so the worker does not read it again. */
  loaded: LoadedFile[];
  /** The page cache's inputs (see PageCache's constructor). */
  cache: { previousSite: string; fingerprint: string; fileHashes: Array<[string, string]>; useCache: boolean };
}

/**
 * A worker thread running render-worker.ts, which loads its modules (tsx, Eleventy, the site's code)
 * and then waits for its WorkerInput as its first message: so a build can start its workers before it
 * has read the posts (RenderWorkers), and they load while the main thread reads. The main
 * thread's TypeScript loader (tsx, from `node --import tsx`) does not reach worker threads: the worker
 * registers it first, then loads the module.
 */
function startWorker(): Worker {
  const entry = new URL("./render-worker.ts", import.meta.url).href;
  const code = `const { register } = await import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}); register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
}

/** Render workers started ahead of their input, for a build that will render in `runs` runs (this thread's is one). */
export class RenderWorkers {
  private readonly started: Worker[];
  constructor(runs: number) {
    this.started = Array.from({ length: Math.max(0, runs - 1) }, startWorker);
  }
  /** A started worker, or a new one when none is left. */
  take(): Worker {
    return this.started.shift() ?? startWorker();
  }
  /**
   * The started workers as helpers of the main thread's reading of the posts (ContentLoader's
   * `helpers`): each reads the chunks of files it claims while the main thread reads the others.
   */
  readHelpers(): ReadHelper[] {
    return this.started.map((w) => (share, owner, onChunk, onFailed) => {
      const onMessage = (m: WorkerMessage): void => {
        if ("chunk" in m) onChunk(m.chunk, m.files);
      };
      const stop = (): void => {
        w.off("message", onMessage);
        onFailed();
      };
      w.on("message", onMessage);
      w.once("error", stop);
      w.once("exit", stop);
      w.postMessage({ read: share, owner } satisfies ReadRequest);
    });
  }
  /** Stop the workers nobody took (the build rendered in fewer runs, or stopped before rendering). */
  async release(): Promise<void> {
    await Promise.all(this.started.splice(0).map((w) => w.terminate()));
  }
}

/** A share of the posts to read, sent to a started worker before its input (RenderWorkers.readHelpers). */
export interface ReadRequest {
  read: ReadShare;
  owner: number;
}

/**
 * A worker's messages: files of a chunk it read (a ReadRequest's), pages written (a count since the
 * last message), then what its parsing found.
 */
export type WorkerMessage = { chunk: number; files: LoadedFile[] } | { pages: number } | { done: true; findings: Array<[string, LocalDiagnostic[]]> };

/**
 * Render the site in `count` runs at once: this thread's (shard 0, with `planner`) and `count - 1`
 * worker threads'. What the workers' parsing found is reported through `loader`.
 */
export async function renderInParallel(run: Omit<EleventyRun, "shard">, count: number, worker: Pick<WorkerInput, "cache">, loader: ContentLoader, started?: RenderWorkers): Promise<void> {
  const { loader: _ownLoader, stagingFaults: _faults, ...options } = run.siteOptions;
  const loaded = loader.exportLazy();
  const workers = Array.from({ length: count - 1 }, (_, i) => {
    const input: WorkerInput = { ...worker, loaded, staging: run.staging, pathPrefix: run.pathPrefix, shard: { index: i + 1, count }, options };
    return new Promise<Array<[string, LocalDiagnostic[]]>>((resolve, reject) => {
      const w = started?.take() ?? startWorker();
      w.postMessage(input);
      let findings: Array<[string, LocalDiagnostic[]]> | undefined;
      w.on("message", (m: WorkerMessage) => {
        if ("pages" in m) for (let n = 0; n < m.pages; n++) run.onPageWritten();
        else if ("done" in m) findings = m.findings;
      });
      w.on("error", reject);
      w.on("exit", (code) => (code === 0 && findings ? resolve(findings) : reject(new Error(`a rendering worker stopped (exit code ${code}) before it finished its pages`))));
    });
  });
  // Every run settles before the build goes on (or fails): none writes into a staging folder being discarded.
  const results = await Promise.allSettled([runEleventy({ ...run, shard: { index: 0, count } }), ...workers]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  for (const r of results.slice(1)) {
    if (r.status === "fulfilled") for (const [slug, found] of r.value as Array<[string, LocalDiagnostic[]]>) loader.reportTranscriptFindings(slug, found);
  }
}
