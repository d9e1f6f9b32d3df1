/**
 * Reads the posts of a content folder: bytes → UTF-8 text → front matter → transcript model. All
 * problems of all files are collected before anything is rendered. A `ContentLoader` is owned by one
 * build (or dev server): it caches each file's result by size and modification time, so the build's
 * check and Eleventy's data share one reading of each file (a lazy build reads a body again when its
 * page renders) and the dev server re-reads only what changed, and it collects what is found later
 * (transcripts parsed as their pages render, taxonomy name clashes).
 */
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readFileSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { inFile, sortDiagnostics, type Diagnostic, type LocalDiagnostic } from "../diagnostics.js";
import { bodyOf, readFrontMatter } from "../frontmatter/read.js";
import { bodySurelyHasText, frontMatterByteEnd } from "../frontmatter/fence.js";
import { fileSlug } from "../slug.js";
import { parseTranscript } from "../transcript/parse.js";
import { postUrl, type Post } from "./post.js";

/**
 * A post file's hash: its path relative to the content folder and its bytes (the page cache's key of
 * the file, see postFileHashes in build/incremental.ts). The loader works it out as it reads the
 * bytes, so that a build need not read every file a second time for it.
 */
export function postFileHash(relative: string, bytes: Uint8Array): string {
  // Each part followed by a separator its text cannot fake: ("ab", "c") and ("a", "bc") differ.
  return createHash("sha256").update(relative).update("\0\u0001").update(bytes).update("\0\u0001").digest("hex");
}

/** Everything the build knows about a content folder. */
export interface LoadedContent {
  /** Valid posts, in a stable order (newest date first, then slug). */
  posts: Post[];
  /** Diagnostics of every file, sorted by file, line, column. */
  diagnostics: Diagnostic[];
  /** Number of `.md` files read. */
  fileCount: number;
  /** Files and folders not read (`x.MD`, hidden, symbolic links), for the summary. */
  skipped: SkippedFile[];
}

/**
 * What to do with transcripts: `keep` parses them now and keeps the models (dev server, tests);
 * `check` parses them for their diagnostics and drops the models (`npm run check`); `lazy` parses
 * each one when its page first asks for it and keeps only the latest (production builds: an archive's
 * models do not fit in memory together, and each body is still parsed once).
 */
export type TranscriptMode = "keep" | "check" | "lazy";

/** How to read a folder. */
export interface LoadOptions {
  /** Default `keep`. */
  transcripts?: TranscriptMode;
  /**
   * Other threads that read a share of the files (`lazy` mode only): see ReadShare. A build's render
   * workers, started before the posts are read, take the files from the end while this thread
   * takes them from the start.
   */
  helpers?: readonly ReadHelper[];
  /** How file paths appear in diagnostics: relative to this folder. Default: the working directory. */
  displayBase?: string;
}

interface FileResult {
  post: Post | undefined;
  diagnostics: LocalDiagnostic[];
}

const decoder = new TextDecoder("utf-8", { fatal: true });
/** Files read between two turns of the event loop. */
const YIELD_EVERY = 64;

/** A file or folder of a content folder that is not read, and why; listed once in the summary. */
export interface SkippedFile {
  /** Its path, as diagnostics show paths. */
  file: string;
  reason: "extension-case" | "hidden" | "symlink";
}

/** What a content folder holds: the posts to read, what is skipped, and names that cannot be read. */
export interface PostFiles {
  /** The `.md` files, sorted. */
  files: string[];
  /** Files and folders passed over: `x.MD`, hidden ones, symbolic links (never followed). */
  skipped: Array<{ path: string; reason: SkippedFile["reason"] }>;
  /** Posts and folders whose names are not valid UTF-8 (such a name cannot be used as a path string), shown with `\xNN` escapes. */
  undecodable: Array<{ path: string; folder: boolean }>;
}

/** True for a name that is a Markdown post's in any letter case. */
const markdownName = (name: string): boolean => name.toLowerCase().endsWith(".md");

/** A name's bytes as text, each byte that is not part of valid UTF-8 written `\xNN`. */
function escapeUndecodable(name: Buffer): string {
  let out = "";
  for (let i = 0; i < name.length; ) {
    const b = name[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len > 0 && i + len <= name.length && isUtf8(name.subarray(i, i + len))) {
      out += name.toString("utf8", i, i + len);
      i += len;
    } else {
      out += `\\x${b.toString(16).toUpperCase().padStart(2, "0")}`;
      i++;
    }
  }
  return out;
}

/**
 * Walk a content folder (or take one file): the `.md` posts, sorted for stable output, and what is
 * passed over. Names are read as bytes, so a name that is not valid UTF-8 is reported, not lost.
 * `node_modules` is passed over silently.
 */
export async function findPostFiles(target: string): Promise<PostFiles> {
  const info = await stat(target);
  if (info.isFile()) return { files: [target], skipped: [], undecodable: [] };
  const found: PostFiles = { files: [], skipped: [], undecodable: [] };
  const folders = [target];
  while (folders.length > 0) {
    const dir = folders.pop()!;
    for (const entry of await readdir(dir, { withFileTypes: true, encoding: "buffer" })) {
      const raw = entry.name;
      if (!isUtf8(raw)) {
        const bytesName = raw.toString("latin1");
        if (entry.isDirectory() || markdownName(bytesName)) found.undecodable.push({ path: path.join(dir, escapeUndecodable(raw)), folder: entry.isDirectory() });
        continue;
      }
      const name = raw.toString("utf8");
      const full = path.join(dir, name);
      if (name === "node_modules") continue;
      if (name.startsWith(".")) {
        if (name !== ".git" && (entry.isDirectory() || markdownName(name))) found.skipped.push({ path: full, reason: "hidden" });
      } else if (entry.isSymbolicLink()) {
        found.skipped.push({ path: full, reason: "symlink" });
      } else if (entry.isDirectory()) {
        folders.push(full);
      } else if (entry.isFile() && name.endsWith(".md")) {
        found.files.push(full);
      } else if (entry.isFile() && markdownName(name)) {
        found.skipped.push({ path: full, reason: "extension-case" });
      }
    }
  }
  const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  found.files.sort();
  found.skipped.sort(byPath);
  found.undecodable.sort(byPath);
  return found;
}

/** List the Markdown files under `dir` (recursively), or `[dir]` when it is a file. Sorted for stable output. */
export async function listPostFiles(target: string): Promise<string[]> {
  return (await findPostFiles(target)).files;
}

/** A file read in `lazy` mode, as plain data (it crosses to worker threads): see `ContentLoader#exportLazy`. */
export interface LoadedFile {
  file: string;
  display: string;
  size: number;
  mtimeMs: number;
  /** The post without its transcript (read lazily by the loader that adopts it). */
  post: Omit<Post, "transcript"> | undefined;
  diagnostics: LocalDiagnostic[];
  /** postFileHash of the bytes read. */
  hash: string;
}

/**
 * The files of one `load`, shared with helper threads: each thread claims chunks of `chunk` files
 * (chunk `c` holds jobs `c * chunk` …) by setting `cells[c]` from 0 to its own number (1 is the
 * loading thread's) with one atomic step, so that every file is read once, by whoever comes first.
 */
export interface ReadShare {
  jobs: Array<{ file: string; root: string; display: string }>;
  cells: SharedArrayBuffer;
  chunk: number;
}

/**
 * A helper thread (see LoadOptions.helpers): given a share and its own number (2 or more), it claims
 * chunks and sends each one's files as it has read them (`onChunk`); `onFailed` when it stopped
 * before sending every chunk it claimed.
 */
export type ReadHelper = (share: ReadShare, owner: number, onChunk: (chunk: number, files: LoadedFile[]) => void, onFailed: () => void) => void;

/** Files a thread claims at once (see ReadShare). */
const READ_CHUNK = 32;

/** A name clash or other finding about a post made after loading, by the stage that found it. */
export interface PostFinding {
  /** The post's slug. */
  slug: string;
  /** The front-matter key the finding is about (its line is looked up), if any. */
  key?: string;
  severity: Diagnostic["severity"];
  rule: string;
  message: string;
}

/** Reads content folders for one build or dev server (see the module comment). */
export class ContentLoader {
  private readonly cache = new Map<string, { size: number; mtimeMs: number; transcripts: TranscriptMode; display: string; result: FileResult; hash: string | undefined }>();
  /** The file and display path of each loaded post, by slug, for findings made later. */
  private readonly files = new Map<string, { file: string; display: string }>();
  // The one transcript a lazy build holds: a page asks for it several times while it renders.
  private slot: { file: string; transcript: Post["transcript"] } | undefined;
  private readonly reported = new Set<string>();
  private readonly later: Diagnostic[] = [];
  /** What parsing found in each transcript parsed since the last `takeLaterDiagnostics`, by file (for the page cache's manifest). */
  private readonly parsedFindings = new Map<string, LocalDiagnostic[]>();

  /** Read and check every post under the given files or folders. */
  async load(targets: readonly string[], options: LoadOptions = {}): Promise<LoadedContent> {
    const transcripts = options.transcripts ?? "keep";
    const displayBase = options.displayBase ?? process.cwd();
    const perTarget = await Promise.all(targets.map(async (t) => ({ root: t, found: await findPostFiles(t) })));
    const jobs = perTarget.flatMap(({ root, found }) => found.files.map((file) => ({ root, file })));
    const results: FileResult[] = new Array(jobs.length);
    const helpers = transcripts === "lazy" && jobs.length > READ_CHUNK ? (options.helpers ?? []) : [];
    if (helpers.length) await this.loadShared(jobs, displayBase, helpers, results);
    else {
      for (let i = 0; i < jobs.length; i++) {
        const job = jobs[i]!;
        results[i] = this.loadFile(job.file, job.root, transcripts, displayPath(job.file, displayBase));
        // Timers (the build's progress lines) run between files now and then.
        if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
      }
    }

    const diagnostics: Diagnostic[] = [];
    const skipped: SkippedFile[] = [];
    for (const { found } of perTarget) {
      for (const u of found.undecodable) {
        const what = u.folder ? "folder" : "file";
        const fix = u.folder ? "its posts are not read" : "the post cannot be read safely";
        diagnostics.push({ file: displayPath(u.path, displayBase), line: 1, col: 1, severity: "error", rule: "file-name-encoding", message: `the ${what} name is not valid UTF-8 (the bytes shown as \\xNN), so ${fix}. Rename it using UTF-8 characters only.` });
      }
      for (const k of found.skipped) skipped.push({ file: displayPath(k.path, displayBase), reason: k.reason });
    }
    const posts: Post[] = [];
    const bySlug = new Map<string, { display: string; post: Post }>();
    const byLowerSlug = new Map<string, string>();
    jobs.forEach((job, i) => {
      const display = displayPath(job.file, displayBase);
      const result = results[i]!;
      diagnostics.push(...inFile(display, result.diagnostics));
      const post = result.post;
      if (!post) return;
      const same = bySlug.get(post.slug);
      if (same) {
        diagnostics.push({ file: display, line: 1, col: 1, severity: "error", rule: "slug-duplicate", message: `the slug '${post.slug}' is also used by ${same.display}; both would be written to the same URL. Rename one of the files.` });
        return;
      }
      const lower = byLowerSlug.get(post.slug.toLowerCase());
      if (lower) {
        diagnostics.push({ file: display, line: 1, col: 1, severity: "warning", rule: "slug-case", message: `the slug '${post.slug}' differs from ${lower} only in letter case; the two collide on case-insensitive disks (macOS, Windows). Rename one if you can.` });
      }
      bySlug.set(post.slug, { display, post });
      this.files.set(post.slug, { file: job.file, display });
      byLowerSlug.set(post.slug.toLowerCase(), display);
      posts.push(post);
    });
    posts.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    const fileCount = jobs.length + perTarget.reduce((n, { found }) => n + found.undecodable.filter((u) => !u.folder).length, 0);
    return { posts, diagnostics: sortDiagnostics(diagnostics), fileCount, skipped };
  }

  /**
   * One file, read synchronously: open, its size and time from the open file, its bytes, close. The
   * promise API costs a trip through the thread pool for each of those steps (a `stat` and a
   * `readFile` were 4.5 s of CPU for 9,000 posts, more than the reading); this is a tenth of it, and
   * the load yields to the event loop between files (see load) so progress lines still print.
   */
  private loadFile(file: string, root: string, transcripts: TranscriptMode, display: string): FileResult {
    const fd = openSync(file, "r");
    let info: { size: number; mtimeMs: number };
    let bytes: Buffer | undefined;
    try {
      info = fstatSync(fd);
      const cached = this.cache.get(file);
      if (cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs && cached.transcripts === transcripts) return cached.result;
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
    const result = parseFile(bytes, file, root, transcripts, display, (f, d) => this.lazyTranscript(f, d));
    // Only a build (lazy mode) keys its pages by the files' hashes: a check or the dev server does not hash.
    const hash = transcripts === "lazy" ? postFileHash(path.relative(root, file), bytes) : undefined;
    this.cache.set(file, { size: info.size, mtimeMs: info.mtimeMs, transcripts, display, result, hash });
    return result;
  }

  /**
   * Read `jobs` (lazy mode) into `results` with helper threads (see ReadShare): this thread claims
   * chunks from the start, the helpers from the end, and this one waits only for the chunks a helper
   * claimed (a helper that arrives after every chunk is taken costs nothing). Chunks of a helper that
   * failed are read here.
   */
  private async loadShared(jobs: ReadonlyArray<{ file: string; root: string }>, displayBase: string, helpers: readonly ReadHelper[], results: FileResult[]): Promise<void> {
    const share: ReadShare = { jobs: jobs.map((j) => ({ ...j, display: displayPath(j.file, displayBase) })), cells: new SharedArrayBuffer(4 * Math.ceil(jobs.length / READ_CHUNK)), chunk: READ_CHUNK };
    const cells = new Int32Array(share.cells);
    const received = new Set<number>();
    const failed = new Set<number>();
    let settled: (() => void) | undefined;
    const check = (): void => {
      for (let c = 0; c < cells.length; c++) {
        const owner = Atomics.load(cells, c);
        if (owner >= 2 && !received.has(c) && !failed.has(owner)) return;
      }
      settled?.();
    };
    helpers.forEach((help, k) =>
      help(
        share,
        k + 2,
        (c, files) => {
          files.forEach((f, n) => (results[c * READ_CHUNK + n] = this.adoptOne(f)));
          received.add(c);
          check();
        },
        () => {
          failed.add(k + 2);
          check();
        },
      ),
    );
    const read = (c: number): void => {
      for (let i = c * READ_CHUNK; i < Math.min(jobs.length, (c + 1) * READ_CHUNK); i++) {
        const job = share.jobs[i]!;
        results[i] = this.loadFile(job.file, job.root, "lazy", job.display);
      }
    };
    for (let c = 0; c < cells.length; c++) {
      if (Atomics.compareExchange(cells, c, 0, 1) !== 0) continue;
      read(c);
      // Timers run between chunks, and the helpers' chunks are taken in as they come.
      if (c % 2 === 1) await new Promise((resolve) => setImmediate(resolve));
    }
    await new Promise<void>((resolve) => {
      settled = resolve;
      check();
    });
    for (let c = 0; c < cells.length; c++) if (!received.has(c) && Atomics.load(cells, c) !== 1) read(c);
  }

  /**
   * A helper thread's part of a shared load (see ReadShare): claim chunks from the end, read each
   * (lazy mode) and hand its files to `onChunk` as plain data. The files stay in this loader's cache.
   */
  readShare(share: ReadShare, owner: number, onChunk: (chunk: number, files: LoadedFile[]) => void): void {
    const cells = new Int32Array(share.cells);
    for (let c = cells.length - 1; c >= 0; c--) {
      if (Atomics.compareExchange(cells, c, 0, owner) !== 0) continue;
      const files: LoadedFile[] = [];
      for (let i = c * share.chunk; i < Math.min(share.jobs.length, (c + 1) * share.chunk); i++) {
        const job = share.jobs[i]!;
        this.loadFile(job.file, job.root, "lazy", job.display);
        const cached = this.cache.get(job.file);
        if (cached) files.push(this.exported(job.file, cached));
      }
      onChunk(c, files);
    }
  }

  /** What this loader read in `lazy` mode, as plain data for another thread's loader (see `adopt`). */
  exportLazy(): LoadedFile[] {
    const out: LoadedFile[] = [];
    for (const [file, c] of this.cache) if (c.transcripts === "lazy") out.push(this.exported(file, c));
    return out;
  }

  private exported(file: string, c: { size: number; mtimeMs: number; display: string; result: FileResult; hash: string | undefined }): LoadedFile {
    // The transcript's lazy getter is not enumerable: it stays behind, and `adopt` makes its own.
    return { file, display: c.display, size: c.size, mtimeMs: c.mtimeMs, post: c.result.post ? { ...c.result.post } : undefined, diagnostics: c.result.diagnostics, hash: c.hash ?? "" };
  }

  /** The postFileHash of a file as this loader last read it in lazy mode (a build's; relative to the folder it was loaded from), if it did. */
  fileHash(file: string): string | undefined {
    return this.cache.get(file)?.hash || undefined;
  }

  /**
   * Take over what another loader read (`exportLazy`), so that this one does not read and check those
   * files again while they are unchanged; each post's transcript is read by this loader, lazily.
   */
  adopt(files: readonly LoadedFile[]): void {
    for (const f of files) this.adoptOne(f);
  }

  private adoptOne(f: LoadedFile): FileResult {
    let post: Post | undefined;
    if (f.post) {
      post = { ...f.post, transcript: EMPTY };
      Object.defineProperty(post, "transcript", { get: () => this.lazyTranscript(f.file, f.display), enumerable: false, configurable: true });
    }
    const result = { post, diagnostics: f.diagnostics };
    this.cache.set(f.file, { size: f.size, mtimeMs: f.mtimeMs, transcripts: "lazy", display: f.display, result, hash: f.hash });
    return result;
  }

  private lazyTranscript(file: string, display: string): Post["transcript"] {
    if (this.slot?.file === file) return this.slot.transcript;
    // The front matter was checked when the folder was loaded: only the body is needed now.
    const { body, bodyLineOffset } = bodyOf(decode(readFileSync(file)) ?? "");
    const parsed = parseTranscript(body, { lineOffset: bodyLineOffset });
    if (!this.reported.has(file)) {
      this.reported.add(file);
      this.later.push(...inFile(display, parsed.diagnostics));
      this.parsedFindings.set(file, parsed.diagnostics);
    }
    this.slot = { file, transcript: parsed.transcript };
    return parsed.transcript;
  }

  /**
   * What parsing a published post's transcript found (in this build, since the last
   * `takeLaterDiagnostics`), or undefined when it was not parsed: the page cache keeps it, so that a
   * later build that copies the post's page reports the same warnings without parsing it again.
   */
  transcriptFindings(slug: string): LocalDiagnostic[] | undefined {
    const where = this.files.get(slug);
    return where ? this.parsedFindings.get(where.file) : undefined;
  }

  /**
   * Report what an earlier parse of a post's transcript found (kept by the page cache for the same
   * file bytes and code), as if it had been parsed now; nothing when it has been reported already.
   */
  reportTranscriptFindings(slug: string, findings: readonly LocalDiagnostic[]): void {
    const where = this.files.get(slug);
    if (!where || this.reported.has(where.file)) return;
    this.reported.add(where.file);
    this.later.push(...inFile(where.display, findings));
    this.parsedFindings.set(where.file, [...findings]);
  }

  /** Record a finding about a loaded post, at its file and the line of its key. */
  report(finding: PostFinding): void {
    const where = this.files.get(finding.slug);
    const line = where && finding.key ? keyLine(readFileSync(where.file, "utf8"), finding.key) : 1;
    this.later.push({ file: where?.display ?? finding.slug, line, col: 1, severity: finding.severity, rule: finding.rule, message: finding.message });
  }

  /** What was found since the last call (lazily parsed transcripts' warnings, findings), sorted; clears it. */
  takeLaterDiagnostics(): Diagnostic[] {
    const taken = sortDiagnostics(this.later.splice(0));
    this.reported.clear();
    this.parsedFindings.clear();
    this.slot = undefined;
    return taken;
  }
}

/** Read and check every post under the given files or folders, once (a loader of its own). */
export function loadContent(targets: readonly string[], options: LoadOptions = {}): Promise<LoadedContent> {
  return new ContentLoader().load(targets, options);
}

/** The 1-based line of a top-level front-matter key (`key:` at the start of a line), or 1. */
function keyLine(text: string, key: string): number {
  const lines = text.split("\n", 400);
  const i = lines.findIndex((l, n) => n > 0 && (l.startsWith(`${key}:`) || l.toLowerCase().startsWith(`${key.toLowerCase()}:`)));
  return i < 0 ? 1 : i + 1;
}

/** Decode, split, validate and parse one file's bytes. Pure apart from the path arithmetic (and, in `lazy` mode, the later read). */
export function parseFile(
  bytes: Uint8Array,
  file: string,
  root: string,
  transcripts: TranscriptMode = "keep",
  display = file,
  lazy: (file: string, display: string) => Post["transcript"] = () => EMPTY,
): FileResult {
  const at1 = (rule: string, message: string): FileResult => ({ post: undefined, diagnostics: [{ line: 1, col: 1, severity: "error", rule, message }] });
  if (bytes.length === 0) return at1("file-empty", "the file is empty. Add front matter (title, date) and the transcript, or delete the file.");
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return at1("file-encoding", "the file is UTF-16 (it starts with a UTF-16 byte-order mark). Save it as UTF-8.");
  }
  if (bytes.includes(0)) return at1("file-binary", "the file is not text (it contains NUL bytes). Remove it from the content folder.");
  // A lazy build parses each body when its page renders: here only the front matter is decoded (every
  // byte is still checked as UTF-8), unless the body may be blank, which only its text can tell.
  const bodyAt = transcripts === "lazy" ? frontMatterByteEnd(bytes) : -1;
  const frontOnly = bodyAt >= 0 && bodySurelyHasText(bytes, bodyAt);
  const text = frontOnly ? (isUtf8(bytes) ? decode(bytes.subarray(0, bodyAt)) : undefined) : decode(bytes);
  if (text === undefined) return at1("file-encoding", "the file is not valid UTF-8 (it may be GBK or UTF-16). Save it as UTF-8.");
  const fm = readFrontMatter(text);
  const diagnostics = [...fm.diagnostics];
  if (!fm.data) return { post: undefined, diagnostics };
  if (!frontOnly && isBlank(fm.body)) {
    // A scaffold (`npm run new`) not yet filled in: publishing it would make an empty page.
    // At the body's first line, or at the file's last line (the closing fence) when nothing follows it.
    const lastLine = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    const line = fm.body === "" ? lastLine : fm.bodyLineOffset + 1;
    diagnostics.push({ line, col: 1, severity: "warning", rule: "post-empty", message: "this post has no text yet (only front matter and comments), so it is left out of the site. Write its transcript below the front matter." });
    return { post: undefined, diagnostics };
  }
  const { slug, replaced } = fileSlug(path.basename(file, ".md"));
  if (replaced.length > 0) {
    const chars = replaced.length > 1 ? `${replaced.slice(0, -1).join(", ")} and ${replaced.at(-1)}` : replaced[0];
    diagnostics.push({ line: 1, col: 1, severity: "warning", rule: "file-name-unsafe", message: `the file name contains ${chars}, which would break the post's URL; it is published at ${postUrl(slug)} instead. Rename the file to ${slug}.md.` });
  }
  // A deep copy: strings sliced from the file's text would keep the whole text alive for as long as the post lives.
  const post: Post = { ...structuredClone(fm.data), slug, url: postUrl(slug), extra: structuredClone(fm.extra), transcript: EMPTY };
  if (transcripts === "lazy") {
    Object.defineProperty(post, "transcript", { get: () => lazy(file, display), enumerable: false, configurable: true });
  } else {
    const parsed = parseTranscript(fm.body, { lineOffset: fm.bodyLineOffset });
    if (transcripts === "keep") post.transcript = parsed.transcript;
    diagnostics.push(...parsed.diagnostics);
  }
  return { post, diagnostics };
}

/** True when a body holds nothing but white space and HTML comments. */
function isBlank(body: string): boolean {
  return body.replace(/<!--[\s\S]*?(?:-->|$)/g, "").trim() === "";
}

const EMPTY: Post["transcript"] = Object.freeze({ sections: [] }) as Post["transcript"];

function decode(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

function displayPath(file: string, base: string): string {
  const rel = path.relative(base, file);
  return rel.startsWith("..") && path.isAbsolute(file) ? file : rel || file;
}
