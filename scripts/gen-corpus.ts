/**
 * `npx tsx scripts/gen-corpus.ts --count=N --out=DIR [--seed=S] [--concurrency=K]`
 * Writes N synthetic transcript posts shaped like the real archive into DIR for benchmarks (two thirds
 * Chinese-only; see scripts/bench/corpus-gen.ts).
 * Same N and seed → byte-identical files. DIR must be missing, empty, or a previous generated corpus
 * (marked by a `.generated-corpus` file), which is cleared first.
 */
import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildVocab, generatePost } from "./bench/corpus-gen.js";

const USAGE = "usage: npx tsx scripts/gen-corpus.ts --count=N --out=DIR [--seed=S] [--concurrency=K]";
const MARKER = ".generated-corpus";
const GENERATED_NAME = /^[A-Za-z0-9_-]{11}\.md$/;

class UsageError extends Error {}

function positiveInt(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new UsageError(`--${name} must be a whole number ≥ 0, got '${value ?? ""}'`);
  return n;
}

/** Makes `dir` ready for writing: created, or emptied if it holds only a previous generated corpus. */
async function prepareOutDir(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) return void (await mkdir(dir, { recursive: true }));
  if (!info.isDirectory()) throw new UsageError(`${dir} exists and is not a folder`);
  const entries = await readdir(dir);
  if (entries.length === 0) return;
  // Refuse rather than guess: only our own marker and our own file names may be deleted.
  const foreign = entries.filter((e) => e !== MARKER && !GENERATED_NAME.test(e));
  if (!entries.includes(MARKER) || foreign.length > 0) {
    const why = entries.includes(MARKER) ? `it also holds ${foreign.slice(0, 5).join(", ")}` : `it has no ${MARKER} marker`;
    throw new UsageError(`refusing to write into non-empty ${dir}: ${why}`);
  }
  for (const e of entries) await rm(path.join(dir, e));
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { count: { type: "string" }, out: { type: "string" }, seed: { type: "string" }, concurrency: { type: "string" } },
  });
  const count = positiveInt("count", values.count);
  const seed = positiveInt("seed", values.seed, 1);
  const concurrency = Math.max(1, positiveInt("concurrency", values.concurrency, 32));
  if (!values.out) throw new UsageError("--out=DIR is required");
  const out = path.resolve(values.out);

  const started = performance.now();
  await prepareOutDir(out);
  await writeFile(path.join(out, MARKER), `synthetic benchmark corpus: count=${count} seed=${seed}\n`);

  const vocab = buildVocab(count, seed);
  const inFlight = new Set<Promise<void>>();
  const names = new Set<string>();
  const tags = new Set<string>();
  let chineseOnly = 0;
  let bytes = 0;
  let min = Infinity;
  let max = 0;
  for (let i = 0; i < count; i++) {
    const post = generatePost(i, seed, vocab);
    if (names.has(post.fileName.toLowerCase())) throw new Error(`duplicate file name ${post.fileName} (case-insensitive)`);
    names.add(post.fileName.toLowerCase());
    for (const t of post.tags) tags.add(t.toLowerCase());
    if (post.style === "zh") chineseOnly++;
    const size = Buffer.byteLength(post.text);
    bytes += size;
    min = Math.min(min, size);
    max = Math.max(max, size);
    // Bounded concurrency keeps memory flat: at most `concurrency` post texts are alive at once.
    const write: Promise<void> = writeFile(path.join(out, post.fileName), post.text, { flag: "wx" }).finally(() => inFlight.delete(write));
    inFlight.add(write);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);

  const secs = (performance.now() - started) / 1000;
  const kb = (n: number): string => (n / 1024).toFixed(1);
  console.log(
    `gen-corpus: ${count} posts → ${out} (seed ${seed}) in ${secs.toFixed(1)} s; ` +
      `${(bytes / 1024 / 1024).toFixed(1)} MiB, average ${kb(count ? bytes / count : 0)} KiB (min ${kb(count ? min : 0)}, max ${kb(max)}); ` +
      `${tags.size} distinct tags; ${count ? ((100 * chineseOnly) / count).toFixed(1) : 0}% Chinese-only`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    const usage = e instanceof UsageError || (e instanceof Error && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS"));
    console.error(`gen-corpus: ${e instanceof Error ? e.message : String(e)}${usage ? `\n${USAGE}` : ""}`);
    process.exit(usage ? 2 : 1);
  },
);
