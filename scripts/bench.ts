/**
 * `npm run bench -- --archive[=9000] [--runs=3]`: the archive benchmark (see benchArchive), alone.
 *
 * `npm run bench [-- --posts=1000 --runs=3 --large=9000 --huge=10000 --skip-plain --plain-timeout=900]`
 * Generates realistic corpora (bench/corpus/, not committed) and measures, as whole processes:
 * our full build without search, the search indexing alone, and a plain Eleventy build of the
 * same Markdown with a one-line layout, then that plain build again with as many pages as our site
 * has (one-line pages added). Both builds start from an empty output folder. Prints wall time, CPU
 * time and peak memory (min/median/max) and the ratios ours/plain; then the dev server's rebuild
 * after editing one post, output size per post and search index size.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { buildVocab, generatePost } from "./bench/corpus-gen.js";
import { PAGE_TYPES, siteBreakdown, siteDifferences } from "./bench/site-stats.js";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { spawn } from "node:child_process";
import { measure, spread, type RunCost } from "./bench/measure.js";
import { projectRoot } from "../src/build/build.js";
import { folderSize, indexSize } from "../src/search/index-site.js";

/** Archive size when `--archive` is given without one: the size of the user's archive. */
const DEFAULT_ARCHIVE = 9000;

const { values } = parseArgs({
  // `--archive` alone means the default size (parseArgs wants a value for a string option).
  args: process.argv.slice(2).map((a) => (a === "--archive" ? `--archive=${DEFAULT_ARCHIVE}` : a)),
  options: {
    archive: { type: "string" },
    posts: { type: "string", default: "1000" },
    runs: { type: "string", default: "3" },
    large: { type: "string" },
    huge: { type: "string" },
    "skip-plain": { type: "boolean", default: false },
    "plain-timeout": { type: "string", default: "900" },
  },
});
const runs = Number(values.runs);
const benchDir = path.join(projectRoot, "bench");
// Corpora and outputs live outside the project: never committed, and not hidden from the dev
// server's watcher (Eleventy does not watch paths the project's .gitignore lists).
const workDir = path.join(tmpdir(), "transcripts-bench");
const node = process.execPath;
const tsxScript = (script: string, args: string[]): [string, string[]] => [node, ["--import", "tsx", path.join(projectRoot, "scripts", script), ...args]];

/** A short hash of the generator's sources: a corpus made by an older generator is made again. */
const generatorVersion = createHash("sha256")
  .update(["scripts/bench/corpus-gen.ts", "scripts/bench/words.ts"].map((f) => readFileSync(path.join(projectRoot, f), "utf8")).join("\0"))
  .digest("hex")
  .slice(0, 8);

async function corpus(n: number): Promise<string> {
  const dir = path.join(workDir, "corpus", `${n}-${generatorVersion}`);
  const count = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".md")).length : 0;
  if (count !== n) {
    rmSync(dir, { recursive: true, force: true });
    const r = await measure(...tsxScript("gen-corpus.ts", [`--count=${n}`, `--out=${dir}`]));
    if (r.status !== 0) throw new Error(`gen-corpus failed:\n${r.output}`);
    console.log(r.output.trim().split("\n").find((l) => l.startsWith("gen-corpus")) ?? "");
  }
  return dir;
}

// As `npm run build` runs it.
const ours = (input: string, output: string): Promise<RunCost> => measure(...tsxScript("build.ts", [`--input=${input}`, `--output=${output}`]), { NO_SEARCH: "1" });
const plain = (input: string, output: string, timeoutS: number): Promise<RunCost> =>
  measure(node, [path.join(projectRoot, "node_modules/@11ty/eleventy/cmd.cjs"), `--input=${input}`, `--output=${output}`, `--config=${path.join(benchDir, "plain/eleventy.config.mjs")}`, "--quiet"], { PLAIN_INPUT: input }, timeoutS * 1000);
const searchIndex = (site: string): Promise<RunCost> => measure(...tsxScript("index-search.ts", [site]));

/** Pagefind indexes in a service process that its Node API stops (not waits for) at the end, so the kernel never adds that process's CPU time or memory to ours; the parts before it are reaped and counted. */
const SEARCH_NOTE = "    (cpu and peak leave out the indexer of the last index part, which Pagefind stops without waiting; 'with Pagefind': the whole tree's memory, sampled)";

/** One line of figures: median (min–max) of each; `tree` adds the whole process tree's peak memory. */
function fmt(label: string, costs: RunCost[], tree = false): { wall: number; peak: number } {
  const w = spread(costs.map((c) => c.wallMs / 1000));
  const c = spread(costs.map((c) => c.cpuMs / 1000));
  const m = spread(costs.map((c) => c.peakMiB));
  const t = spread(costs.map((c) => c.treePeakMiB));
  const f = (x: { min: number; median: number; max: number }, d = 1): string => `${x.median.toFixed(d)} (${x.min.toFixed(d)}–${x.max.toFixed(d)})`;
  const withTree = tree ? `, with Pagefind ${f(t, 0)}` : "";
  console.log(`${label.padEnd(34)} wall s ${f(w, 2).padEnd(22)} cpu s ${f(c, 2).padEnd(22)} peak MiB ${f(m, 0)}${withTree}`);
  return { wall: w.median, peak: m.median };
}

/** Size of a site's search index, all its parts. */
function describeIndex(site: string): string {
  const size = indexSize(site);
  return `search index: ${(size.bytes / 2 ** 20).toFixed(1)} MiB in ${size.files} files, ${size.parts} part${size.parts === 1 ? "" : "s"}`;
}

/** Time from editing one post to the dev server's "Wrote" line for the rebuild. */
async function devRebuild(input: string): Promise<number[]> {
  const out = path.join(workDir, "out", "dev");
  const [cmd, args] = tsxScript("serve.ts", [`--input=${input}`, `--output=${out}`, "--port=8799"]);
  const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const waitFor = (pattern: RegExp, count: number, timeoutMs: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const started = Date.now();
      const tick = setInterval(() => {
        if ((log.match(pattern) ?? []).length >= count) {
          clearInterval(tick);
          resolve();
        } else if (Date.now() - started > timeoutMs) {
          clearInterval(tick);
          reject(new Error(`dev server did not rebuild in time:\n${log.slice(-2000)}`));
        }
      }, 20);
    });
  child.stdout.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr.on("data", (d: Buffer) => (log += d.toString()));
  const timings: number[] = [];
  try {
    // The watcher is ready once the server is up; give it a moment to finish its initial scan.
    await waitFor(/Server at/g, 1, 300_000);
    await new Promise((r) => setTimeout(r, 2000));
    const file = path.join(input, readdirSync(input).filter((f) => f.endsWith(".md")).sort()[0]!);
    const original = readFileSync(file, "utf8");
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      writeFileSync(file, original.replace(/\n### /, `\n### 修改 ${i} `));
      await waitFor(/Wrote \d+ files/g, i + 2, 120_000);
      timings.push((performance.now() - started) / 1000);
    }
    writeFileSync(file, original);
  } finally {
    child.kill("SIGTERM");
  }
  return timings;
}

/** Pages (HTML, XML, JSON and text files) a built site has, its copied assets aside. */
function pageCount(site: string): number {
  return readdirSync(site, { recursive: true, encoding: "utf8" }).filter((f) => /\.(html|xml|json|txt)$/.test(f) && !f.startsWith("assets")).length;
}

/**
 * The plain build's input with as many pages as our site has: the same posts plus one-line
 * Markdown pages in place of our list, taxonomy, feed and search pages. Plain Eleventy's cost for
 * that many pages is the floor for any Eleventy build that writes them (each is a template run).
 */
function samePagesCorpus(input: string, pages: number): string {
  const posts = readdirSync(input).filter((f) => f.endsWith(".md"));
  const dir = `${input}-plus-${pages - posts.length}-pages`;
  if (existsSync(dir) && readdirSync(dir).length === pages) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of posts) {
    try {
      linkSync(path.join(input, f), path.join(dir, f));
    } catch {
      copyFileSync(path.join(input, f), path.join(dir, f));
    }
  }
  for (let i = 0; i < pages - posts.length; i++) writeFileSync(path.join(dir, `page-${i}.md`), `---\ntitle: Page ${i}\n---\nOne line.\n`);
  return dir;
}

async function benchSize(n: number, withPlain: boolean, runsHere: number): Promise<void> {
  const input = await corpus(n);
  const outOurs = path.join(workDir, "out", `ours-${n}`);
  const outPlain = path.join(workDir, "out", `plain-${n}`);
  const a: RunCost[] = [];
  const c: RunCost[] = [];
  for (let i = 0; i < runsHere; i++) {
    // Both builds start from an empty output folder (a rebuild over an existing site also removes the old one).
    rmSync(outOurs, { recursive: true, force: true });
    const r = await ours(input, outOurs);
    if (r.status !== 0) throw new Error(`our build failed:\n${r.output.slice(-3000)}`);
    a.push(r);
    if (withPlain) {
      rmSync(outPlain, { recursive: true, force: true });
      const p = await plain(input, outPlain, Number(values["plain-timeout"]));
      c.push(p);
      if (p.status !== 0) {
        console.log(`plain Eleventy did not finish (exit ${p.status}; capped at ${values["plain-timeout"]} s)`);
        break;
      }
    }
  }
  // The same plain build over as many pages as our site has (only where the plain build finished).
  const pages = pageCount(outOurs);
  const d: RunCost[] = [];
  // Only at the main size: at 9,000 posts it would be a ~27,000-page plain build on top of the plain one.
  if (withPlain && n <= 3000 && c.length === runsHere && c.every((p) => p.status === 0)) {
    const samePages = samePagesCorpus(input, pages);
    for (let i = 0; i < runsHere; i++) {
      rmSync(outPlain, { recursive: true, force: true });
      d.push(await plain(samePages, outPlain, Number(values["plain-timeout"])));
    }
  }
  console.log(`\n== ${n} posts, ${pages} pages (${runsHere} runs; median (min–max))`);
  const o = fmt("(a) ours, full build, no search", a);
  if (c.length) {
    const p = fmt("(c) plain Eleventy, one-line layout", c);
    console.log(`ratios ours/plain: wall ${(o.wall / p.wall).toFixed(2)}, peak memory ${(o.peak / p.peak).toFixed(2)}`);
  }
  if (d.length) {
    const q = fmt(`(d) plain, same ${pages} pages`, d);
    console.log(`ratios ours/plain with as many pages: wall ${(o.wall / q.wall).toFixed(2)}, peak memory ${(o.peak / q.peak).toFixed(2)}`);
  }
  console.log(`per post: ${((o.wall * 1000) / n).toFixed(2)} ms wall`);
  const size = folderSize(outOurs);
  console.log(`output: ${(size.bytes / 2 ** 20).toFixed(1)} MiB in ${size.files} files, ${(size.bytes / n / 1024).toFixed(1)} KiB per post`);
  if (existsSync(path.join(projectRoot, "scripts/index-search.ts"))) {
    const s: RunCost[] = [];
    for (let i = 0; i < runsHere; i++) s.push(await searchIndex(outOurs));
    fmt("(b) search indexing alone", s, true);
    console.log(SEARCH_NOTE);
    console.log(describeIndex(outOurs));
  }
}

/** The real posts (test/fixtures/corpus, without the broken-YAML one): build once, then index alone. */
async function benchRealCorpus(runsHere: number): Promise<void> {
  const input = path.join(workDir, "corpus", "real");
  rmSync(input, { recursive: true, force: true });
  const fixtures = path.join(projectRoot, "test/fixtures/corpus");
  const { mkdirSync, copyFileSync } = await import("node:fs");
  mkdirSync(input, { recursive: true });
  for (const f of readdirSync(fixtures).filter((n) => n.endsWith(".md") && !n.startsWith("orig-unquoted-date-nolayout"))) copyFileSync(path.join(fixtures, f), path.join(input, f));
  const out = path.join(workDir, "out", "real");
  const a: RunCost[] = [];
  for (let i = 0; i < runsHere; i++) a.push(await ours(input, out));
  console.log(`\n== the ${readdirSync(input).length} real posts (${runsHere} runs)`);
  fmt("(a) ours, full build, no search", a);
  const s: RunCost[] = [];
  for (let i = 0; i < runsHere; i++) s.push(await searchIndex(out));
  fmt("(b) search indexing alone", s, true);
  console.log(SEARCH_NOTE);
  console.log(describeIndex(out));
}

/** Issue 13's targets for the archive, to print beside the figures. */
const TARGETS = { withSearchS: 240, treePeakMiB: (2.5 * 1e9) / 2 ** 20, withoutSearchS: 60, outputBytes: 800e6, outputFiles: 40_000, rebuildS: 60 };

/** A copy of a corpus (hard links) plus one new post dated after all others, as an author adds one. */
function corpusPlusOne(input: string, n: number): string {
  const dir = `${input}-plus-one`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let newest = "";
  for (const f of readdirSync(input).filter((x) => x.endsWith(".md"))) {
    linkSync(path.join(input, f), path.join(dir, f));
    const date = /^date: ['"]?(\d{4}-\d{2}-\d{2})/m.exec(readFileSync(path.join(input, f), "utf8"))?.[1] ?? "";
    if (date > newest) newest = date;
  }
  const post = generatePost(n, 1, buildVocab(n, 1));
  const next = new Date(Date.parse(`${newest}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  writeFileSync(path.join(dir, post.fileName), post.text.replace(/^date: .*$/m, `date: '${next}'`));
  return dir;
}

/** The build's own report of its search index: total seconds and the seconds of each part. */
function searchTimes(output: string): { total: number; parts: number[] } {
  const total = Number(/search index: .* in ([\d.]+) s/.exec(output)?.[1] ?? NaN);
  const parts = (/search index parts, seconds each: ([\d. ]+)/.exec(output)?.[1] ?? "").trim().split(/\s+/).filter(Boolean).map(Number);
  return { total, parts };
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const verdict = (ok: boolean): string => (ok ? "meets" : "MISSES");

/**
 * `--archive[=N]`: the whole archive as the Pages workflow builds it (`npm run build`, search
 * included) from an empty output folder, `runs` times; the same without search; bytes and files per
 * page type; then one post added and built again over that site (with and without search), and the
 * result compared byte for byte with a clean build of the same posts.
 */
async function benchArchive(n: number, runsHere: number): Promise<void> {
  const input = await corpus(n);
  const out = path.join(workDir, "out", `archive-${n}`);
  const build = (inputDir: string, output: string, search: boolean, extra: string[] = []): Promise<RunCost> =>
    measure(...tsxScript("build.ts", [`--input=${inputDir}`, `--output=${output}`, ...extra]), search ? {} : { NO_SEARCH: "1" });
  const checked = (r: RunCost, what: string): RunCost => {
    if (r.status !== 0) throw new Error(`${what} failed:\n${r.output.slice(-3000)}`);
    return r;
  };
  const withSearch: RunCost[] = [];
  const withoutSearch: RunCost[] = [];
  for (let i = 0; i < runsHere; i++) {
    rmSync(out, { recursive: true, force: true });
    withoutSearch.push(checked(await build(input, out, false), "build without search"));
    rmSync(out, { recursive: true, force: true });
    withSearch.push(checked(await build(input, out, true), "build with search"));
  }
  console.log(`\n== archive: ${n} generated posts (${runsHere} run${runsHere === 1 ? "" : "s"}; median (min–max)), clean builds from an empty output folder`);
  const a = fmt("with search", withSearch, true);
  const b = fmt("without search", withoutSearch);
  const tree = spread(withSearch.map((c) => c.treePeakMiB));
  console.log(`targets: with search ≤ ${TARGETS.withSearchS} s: ${verdict(a.wall <= TARGETS.withSearchS)}; tree peak ≤ 2.5 GB: ${verdict(tree.max <= TARGETS.treePeakMiB)}; without search ≤ ${TARGETS.withoutSearchS} s: ${verdict(b.wall <= TARGETS.withoutSearchS)}`);
  const times = withSearch.map((r) => searchTimes(r.output));
  const total = spread(times.map((t) => t.total));
  console.log(`search index: ${total.median.toFixed(1)} s (${total.min.toFixed(1)}–${total.max.toFixed(1)}); parts, seconds each (last run): ${times.at(-1)!.parts.map((x) => x.toFixed(1)).join(" ") || "one part"}`);
  const { byType, total: size } = siteBreakdown(out);
  console.log("output by page type:");
  for (const t of PAGE_TYPES) {
    const e = byType.get(t)!;
    if (e.files) console.log(`  ${t.padEnd(18)} ${mib(e.bytes).padStart(12)} ${String(e.files).padStart(7)} files  ${(e.bytes / e.files / 1024).toFixed(1)} KiB each`);
  }
  console.log(`  ${"total".padEnd(18)} ${mib(size.bytes).padStart(12)} ${String(size.files).padStart(7)} files (${(size.bytes / 1e6).toFixed(0)} MB)`);
  console.log(`targets: output ≤ 800 MB: ${verdict(size.bytes <= TARGETS.outputBytes)}; ≤ 40,000 files: ${verdict(size.files <= TARGETS.outputFiles)}`);

  // One post added: built over the site just built, which is what the Pages workflow keeps between runs.
  const plusOne = corpusPlusOne(input, n);
  const rebuilt = checked(await build(plusOne, out, true), "one-post rebuild");
  const clean = path.join(workDir, "out", `archive-${n}-clean`);
  rmSync(clean, { recursive: true, force: true });
  const cleanRun = checked(await build(plusOne, clean, true, ["--no-cache"]), "clean build of the same posts");
  const differ = siteDifferences(out, clean);
  const pagesLine = (r: RunCost): string => [/post pages: .*/.exec(r.output)?.[0], /list pages .*/.exec(r.output)?.[0]].filter(Boolean).join("; ");
  console.log(`\n== one post added to the ${n}-post site, built again over it`);
  fmt("with search (unchanged index parts copied)", [rebuilt], true);
  console.log(`  ${pagesLine(rebuilt)}; search index ${searchTimes(rebuilt.output).total.toFixed(1)} s`);
  fmt("clean build of the same posts", [cleanRun], true);
  console.log(`  output identical to the clean build's: ${differ.length === 0 ? "yes, every file" : `NO, ${differ.length} files differ: ${differ.slice(0, 10).join(", ")}`}`);
  // Without search: back to n posts (itself incremental), then the one post again.
  checked(await build(input, out, false), "build without search");
  const rebuiltNoSearch = checked(await build(plusOne, out, false), "one-post rebuild without search");
  fmt("without search", [rebuiltNoSearch]);
  console.log(`  ${pagesLine(rebuiltNoSearch)}`);
  console.log(`targets: one-post rebuild ≤ ${TARGETS.rebuildS} s with search: ${verdict(rebuilt.wallMs / 1000 <= TARGETS.rebuildS)}; identical output: ${verdict(differ.length === 0)}`);
  rmSync(clean, { recursive: true, force: true });
  rmSync(plusOne, { recursive: true, force: true });
}

console.log(`bench on ${process.platform} ${process.arch}, Node ${process.version}`);
if (values.archive !== undefined) {
  await benchArchive(Number(values.archive), runs);
  process.exit(0);
}
await benchRealCorpus(runs);
const n = Number(values.posts);
await benchSize(n, !values["skip-plain"], runs);
const rebuild = spread(await devRebuild(await corpus(n)));
console.log(`dev server rebuild after editing one post (${n} posts): ${rebuild.median.toFixed(2)} s (${rebuild.min.toFixed(2)}–${rebuild.max.toFixed(2)})`);
if (values.large) await benchSize(Number(values.large), !values["skip-plain"], 1);
if (values.huge) await benchSize(Number(values.huge), false, 1);
