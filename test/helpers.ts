/**
 * Shared test helpers: fixture paths, temporary folders, and running the project's scripts as a
 * user would. Every build here uses the tests' own posts and site settings (test/fixtures/), never
 * the project's content/ or the values of _data/site.json, so the suite passes in any author's clone.
 */
import { execFile, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project folder. */
export const root = fileURLToPath(new URL("..", import.meta.url));
/** The 60 real posts, byte-exact copies of the shared corpus (see test/fixtures/corpus/MANIFEST.txt). */
export const corpusDir = path.join(root, "test/fixtures/corpus");
/** The 32 further real posts, mostly Chinese-only (see test/fixtures/corpus-more/MANIFEST.txt). */
export const moreCorpusDir = path.join(root, "test/fixtures/corpus-more");
/** The one real post whose front matter is not valid YAML. */
export const BROKEN_YAML_POST = "orig-unquoted-date-nolayout-dO4TPJkeaaU.md";
/** The user's own sample post, in the corpus. */
export const SEED_POST = "seed-ilya-sutskever-aR20FWCCjAs.md";
/** The site settings every test build uses. */
export const FIXTURE_SITE_FILE = path.join(root, "test/fixtures/site.json");
/** Those settings' values, for expectations. */
export const FIXTURE_SITE = JSON.parse(readFileSync(FIXTURE_SITE_FILE, "utf8")) as { title: string; url: string; description: string; author: string; lang: string };

const temporary: string[] = [];
process.on("exit", () => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed when the test file's process exits. */
export function tempDir(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `${name}-`));
  temporary.push(dir);
  return dir;
}

/** Every file under a folder, relative, sorted. */
export function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** The files that differ between two built sites (missing on one side included). */
export function siteDifferences(a: string, b: string): string[] {
  const fa = new Set(filesOf(a));
  const fb = new Set(filesOf(b));
  return [...new Set([...fa, ...fb])].sort().filter((f) => !fa.has(f) || !fb.has(f) || !readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))));
}

/** Result of a finished command. */
export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Run a script of scripts/ with tsx, in the project folder, as `npm run` would. */
export function runScript(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): RunResult {
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "scripts", script), ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, INIT_CWD: root, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** runScript without blocking this process meanwhile: its other tests (a browser's pages, a server) go on. */
export function runScriptAsync(script: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", "tsx", path.join(root, "scripts", script), ...args],
      { cwd: root, encoding: "utf8", env: { ...process.env, INIT_CWD: root, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // A number is the exit code; a string (ENOENT, …) is a process that never ran; neither, a signal's end.
        if (typeof error?.code === "string") reject(error);
        else resolve({ status: !error ? 0 : typeof error.code === "number" ? error.code : -1, stdout, stderr });
      },
    );
  });
}

/** `npm run build` with the tests' site settings (`--site=test/fixtures/site.json`) and the given arguments. */
export function runBuild(args: readonly string[], env: NodeJS.ProcessEnv = {}): RunResult {
  return runScript("build.ts", [`--site=${FIXTURE_SITE_FILE}`, ...args], env);
}

/** What an in-process build may be given of the environment (the rest is read from the process's own, so is refused). */
const IN_PROCESS_ENV = new Set(["NO_SEARCH", "SEARCH_INDEX_JOBS", "SEARCH_POSTS_PER_PART", "SITE_URL", "TRANSCRIPTS_DRAFTS", "TRANSCRIPTS_FAULT", "TRANSCRIPTS_RENDER_RUNS", "TRANSCRIPTS_STAGING_FAULT"]);

/**
 * `npm run build` as runBuild runs it, but in this test process: the same command (src/cli/build-command.ts),
 * its lines as stderr, without the two seconds a new Node process costs. For builds whose test is
 * not about the process itself (signals, exit, a crash midway: those use runBuild).
 */
export async function buildHere(args: readonly string[], env: Record<string, string> = {}): Promise<RunResult> {
  for (const name of Object.keys(env)) if (!IN_PROCESS_ENV.has(name)) throw new Error(`buildHere: ${name} is read from the process's environment by the build; use runBuild`);
  // Imported here, not at the top: the build loads Eleventy (about 2 s of CPU), which the many test
  // files that only need this file's paths and fixtures would otherwise load for nothing.
  const { buildCommand } = await import("../src/cli/build-command.js");
  const err: string[] = [];
  const out: string[] = [];
  const status = await buildCommand([`--site=${FIXTURE_SITE_FILE}`, ...args], {
    cwd: root,
    env: { ...process.env, ...Object.fromEntries([...IN_PROCESS_ENV].map((name) => [name, undefined])), ...env },
    log: (l) => err.push(l),
    out: (l) => out.push(l),
  });
  return { status, stdout: out.map((l) => `${l}\n`).join(""), stderr: err.map((l) => `${l}\n`).join("") };
}

/**
 * `npm run check` as runScript("check.ts", …) runs it (from `cwd`, the project folder unless given),
 * but in this test process (src/check/command.ts): its report as stdout, usage errors as stderr, as
 * the command line prints them. For checks whose test is not about the process itself.
 */
export async function checkHere(args: readonly string[], cwd: string = root): Promise<RunResult> {
  const { checkCommand } = await import("../src/check/command.js");
  const out: string[] = [];
  const err: string[] = [];
  const status = await checkCommand(args, { cwd, out: (t) => out.push(`${t}\n`), log: (t) => err.push(`${t}\n`) });
  return { status, stdout: out.join(""), stderr: err.join("") };
}

/**
 * `npm run new` as runScript("new-post.ts", …) runs it (from the project folder), but in this test
 * process (src/cli/new-post-command.ts): its "created" line as stdout, errors as stderr. For runs whose
 * test is not about the process itself.
 */
export async function newHere(args: readonly string[]): Promise<RunResult> {
  const { newPostCommand } = await import("../src/cli/new-post-command.js");
  const out: string[] = [];
  const err: string[] = [];
  const status = await newPostCommand(args, { cwd: root, out: (l) => out.push(`${l}\n`), log: (l) => err.push(`${l}\n`) });
  return { status, stdout: out.join(""), stderr: err.join("") };
}

/** The texts of the site's one inline script (applied before first paint): a post's (saved view and theme), then other pages' (theme). */
const PREFS_SCRIPTS = [...readFileSync(path.join(root, "_includes/partials/prefs-script.njk"), "utf8").matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
/** A post page's inline script (saved view and theme). */
export const PREFS_SCRIPT = PREFS_SCRIPTS[0]!;
/** Any other page's inline script (saved theme). */
export const THEME_SCRIPT = PREFS_SCRIPTS[1]!;

/** The text of the search page's inline module (it asks for the list of index parts early), as pages/search.njk writes it. */
export const SEARCH_PARTS_SCRIPT = /<script type="module" async>([\s\S]*?)<\/script>/.exec(readFileSync(path.join(root, "pages/search.njk"), "utf8"))?.[1];

/** The 59 real posts with valid front matter. */
export const buildablePosts = (): string[] => readdirSync(corpusDir).filter((f) => f.endsWith(".md") && f !== BROKEN_YAML_POST);

/** A temporary folder of posts holding the seed post under its short name, `aR20FWCCjAs.md` (as an author's content/ would). */
export function seedFolder(): string {
  const dir = path.join(tempDir("seed"), "posts");
  mkdirSync(dir);
  copyFileSync(path.join(corpusDir, SEED_POST), path.join(dir, "aR20FWCCjAs.md"));
  return dir;
}

/** A built copy of the corpus: `site` is its root folder, served at `pathPrefix`. */
export interface CorpusSite {
  site: string;
  pathPrefix: string;
}

/**
 * The corpus builds the tests share: the 59 buildable posts at the domain root without search, and
 * under /repo/ with search in parts of 20 posts; the 32 further posts (mostly Chinese-only) at the root.
 */
const VARIANTS = {
  plain: { pathPrefix: "/", env: { NO_SEARCH: "1" }, dir: "test/fixtures/corpus" },
  repo: { pathPrefix: "/repo/", env: { SEARCH_POSTS_PER_PART: "20" }, dir: "test/fixtures/corpus" },
  more: { pathPrefix: "/", env: { NO_SEARCH: "1" }, dir: "test/fixtures/corpus-more" },
} as const;

/** The posts a variant builds. */
const variantPosts = (variant: keyof typeof VARIANTS): string[] =>
  variant === "more" ? readdirSync(moreCorpusDir).filter((f) => f.endsWith(".md")) : buildablePosts();

/** What every build's output depends on besides its posts: the code, templates, settings and the lock file. */
const BUILD_CODE = ["src", "_includes", "_data", "pages", "assets", "scripts/build.ts", ".eleventy.ts", "package-lock.json", "test/fixtures/site.json"];

/** The environment a spawned build inherits that can change what it writes (a variant's own settings are in its description). */
const BUILD_ENV = ["NO_SEARCH", "SEARCH_POSTS_PER_PART", "SEARCH_INDEX_JOBS", "SITE_URL", "TRANSCRIPTS_DRAFTS", "TRANSCRIPTS_FAULT", "TRANSCRIPTS_RENDER_RUNS", "TRANSCRIPTS_STAGING_FAULT"];

/** A hash of `description`, of the build's environment and of the bytes of `files` (folders: every file in them), relative to the project. */
function inputsHash(description: unknown, files: readonly string[]): string {
  const env = Object.fromEntries(BUILD_ENV.map((name) => [name, process.env[name] ?? null]));
  const hash = createHash("sha256").update(JSON.stringify({ description, env, node: process.version }));
  const add = (rel: string): void => {
    const full = path.join(root, rel);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) add(path.join(rel, name));
      return;
    }
    hash.update(rel).update("\0").update(readFileSync(full)).update("\0");
  };
  for (const rel of files) add(rel);
  return hash.digest("hex").slice(0, 16);
}

/** Everything a corpus build's output depends on: the posts, the settings, the code, templates and the lock file. */
const buildInputsHash = (variant: keyof typeof VARIANTS): string =>
  inputsHash(VARIANTS[variant], [...BUILD_CODE, ...variantPosts(variant).sort().map((f) => path.join(VARIANTS[variant].dir, f))]);

/**
 * A corpus of real posts, built once and shared by every test file that only reads the
 * result: cached in .cache/test-sites/ under a hash of everything the output depends on, so a
 * change to code, templates, posts or settings builds it anew. Tests must not write into it.
 */
export function corpusSite(variant: keyof typeof VARIANTS): CorpusSite {
  const { pathPrefix } = VARIANTS[variant];
  const cacheRoot = path.join(root, ".cache/test-sites");
  const key = `${variant}-${buildInputsHash(variant)}`;
  const site = path.join(cacheRoot, key);
  mkdirSync(cacheRoot, { recursive: true });
  // Test files run several at a time (npm test's --test-concurrency): the first to need a build takes
  // the lock (a folder: mkdir is atomic) and builds; the others wait for its result instead of
  // building the same site beside it. A lock older than any build is a dead run's, and is taken over.
  const lock = path.join(cacheRoot, `.lock-${key}`);
  for (;;) {
    if (existsSync(path.join(site, "index.html"))) return { site, pathPrefix };
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() - (statMtime(lock) ?? Date.now()) > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      continue;
    }
    try {
      if (!existsSync(path.join(site, "index.html"))) buildCorpusSite(variant, cacheRoot, key);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** Longer than any corpus build takes on a slow machine. */
const STALE_LOCK_MS = 10 * 60_000;

const statMtime = (file: string): number | undefined => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
};

function buildCorpusSite(variant: keyof typeof VARIANTS, cacheRoot: string, key: string): void {
  const { pathPrefix, env, dir } = VARIANTS[variant];
  const site = path.join(cacheRoot, key);
  const input = path.join(tempDir(`corpus-${variant}`), "posts");
  mkdirSync(input);
  for (const f of variantPosts(variant)) copyFileSync(path.join(root, dir, f), path.join(input, f));
  // Built beside its final place (one disk, so the rename below is atomic).
  const out = path.join(cacheRoot, `.build-${variant}-${process.pid}`);
  const r = runBuild([`--input=${input}`, `--output=${out}`, `--pathprefix=${pathPrefix}`], env);
  if (r.status !== 0) throw new Error(`corpus build failed:\n${r.stderr}`);
  storeSite(cacheRoot, variant, out, site);
}

/** Move a site built at `out` (in `cacheRoot`) to its cached place `site`, named `${name}-<hash>`; older builds of `name` go. */
function storeSite(cacheRoot: string, name: string, out: string, site: string): void {
  // Older builds of the same name are stale: their inputs changed.
  for (const entry of readdirSync(cacheRoot)) if (entry.startsWith(`${name}-`) && entry !== path.basename(site)) rmSync(path.join(cacheRoot, entry), { recursive: true, force: true });
  try {
    renameSync(out, site);
  } catch (e) {
    // Another test process stored the same build first: use that one.
    rmSync(out, { recursive: true, force: true });
    if (!existsSync(path.join(site, "index.html"))) throw e;
  }
}

/** What a cached site is made from besides the build's code (BUILD_CODE): files of the project, and a description of the rest. */
export interface SiteInputs {
  /** Files or folders, relative to the project, whose bytes the site depends on (a generator, fixtures). */
  files: readonly string[];
  /** Everything else that goes into the site (posts written by the test, arguments, environment), as JSON. */
  description: unknown;
}

/**
 * A site that a test file builds itself (`build` writes it into the folder it is given), kept as the
 * corpus sites are: in .cache/test-sites/ under `name` and a hash of everything its output depends on
 * (the build's code, templates, settings and lock file, and `inputs`), made by one test process at a
 * time, and built anew when any of them changes. Asynchronous, so that the file's other tests go on
 * meanwhile. Tests must not write into it.
 */
export async function cachedSite(name: string, inputs: SiteInputs, build: (out: string) => Promise<void>): Promise<string> {
  const cacheRoot = path.join(root, ".cache/test-sites");
  const key = `${name}-${inputsHash(inputs.description, [...BUILD_CODE, ...inputs.files])}`;
  const site = path.join(cacheRoot, key);
  mkdirSync(cacheRoot, { recursive: true });
  const lock = path.join(cacheRoot, `.lock-${key}`);
  for (;;) {
    if (existsSync(path.join(site, "index.html"))) return site;
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() - (statMtime(lock) ?? Date.now()) > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      else await sleep(200);
      continue;
    }
    try {
      if (!existsSync(path.join(site, "index.html"))) {
        const out = path.join(cacheRoot, `.build-${name}-${process.pid}`);
        rmSync(out, { recursive: true, force: true });
        try {
          await build(out);
        } catch (e) {
          rmSync(out, { recursive: true, force: true });
          throw e;
        }
        storeSite(cacheRoot, name, out, site);
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
