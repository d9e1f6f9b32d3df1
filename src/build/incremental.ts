/**
 * Incremental publishing: a page is rendered again only when something it shows changed.
 *
 * Each post page has a key, a hash of everything that page is made from: the code that renders it
 * (sources, templates, UI strings, lock file, Node's version), the site's settings and path prefix,
 * the post's own file, and what the page shows of other posts (its terms' names, URLs and whether
 * they have pages, its series neighbours, its related posts). Home pages, term pages and taxonomy
 * indexes have keys too: the code and settings, and what the page lists (list-keys.ts). A completed
 * build leaves a manifest of its pages' keys in the site (a dotfile, like the site's marker); the
 * next build renders only the pages whose key is not in it and copies the others from the previous
 * site. The archive by year, the feeds and the sitemap (a few pages) are always rendered. Any doubt
 * means a full render: no marker or no manifest, a manifest of another format or code, a page whose
 * file is missing or of another size.
 *
 * The manifest also keeps what parsing each post's transcript found (its warnings), by the hash of
 * the post's file: a copied post's warnings are reported, and fail --strict, as in a clean build,
 * without parsing it again.
 *
 * POST_PAGE_MODEL_FIELDS names what of the site model the key covers; a unit test checks that the
 * post page's templates read nothing else of it, so a template that starts to show more cannot be
 * served stale (LIST_PAGE_MODEL_FIELDS, the same for list pages).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { copyFile, link, mkdir, readFile, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { LocalDiagnostic } from "../diagnostics.js";
import type { Post } from "../content/post.js";
import { findPostFiles, postFileHash, type ContentLoader } from "../content/load.js";
import type { SiteModel } from "../site/model.js";
import type { RenderPlan } from "../site/render-plan.js";
import { fileSlug } from "../slug.js";
import { heapGovernor } from "./memory.js";
import { SITE_MARKER } from "./output-guard.js";
import { homePageData, listedPost, pageFile, taxonomyPageData, termPageData } from "./list-keys.js";

/** The manifest's file at the root of a built site (a dotfile: Pagefind and the sitemap ignore it). */
export const BUILD_MANIFEST = ".transcripts-build.json";

/** Bumped when the manifest or the keys change meaning. */
export const MANIFEST_FORMAT = 2;
const FORMAT = MANIFEST_FORMAT;

/** Hex digits of a page's key kept in the manifest (128 bits: the manifest lists every page, and ships with the site). */
const KEY_LENGTH = 32;

/** The site model's fields that post pages read, all of them covered by a page's key. */
export const POST_PAGE_MODEL_FIELDS = ["termsByPost", "series", "related", "headerTaxonomies"] as const;

/** What the code fingerprint covers, relative to the project: everything a page's bytes can depend on but the posts and settings. */
export const FINGERPRINTED = ["src", "_includes", "pages", "_data", ".eleventy.ts", "package.json", "package-lock.json"];

/**
 * Left out of the fingerprint: the search index's code. No page is rendered by it (only the build
 * calls it, after the pages are written), and the index keys its parts with a hash of its own code
 * (src/search/index-site.ts), so a change there indexes again without rendering 9,000 pages again.
 */
export const NOT_FINGERPRINTED = ["src/search"];

/** The manifest a build leaves in its site. */
export interface BuildManifest {
  format: number;
  /** Hash of the code and settings (see `buildFingerprint`). */
  fingerprint: string;
  /** Each keyed page's key and byte size (post pages, home pages, term pages, taxonomy indexes), by its site-relative file path. */
  pages: Record<string, { key: string; size: number }>;
  /** What parsing each published post's transcript found, by the hash of the post's file (`postFileHashes`). */
  transcripts: Record<string, LocalDiagnostic[]>;
}

const sha = (...parts: Array<string | Uint8Array>): string => {
  const h = createHash("sha256");
  for (const p of parts) {
    h.update(p);
    // A separator that text of the parts cannot fake: ("ab", "c") and ("a", "bc") differ.
    h.update("\0\u0001");
  }
  return h.digest("hex");
};

/** Every file under the given project paths, relative and sorted. */
async function filesUnder(root: string, entries: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(root, entry);
    if (!existsSync(full)) continue;
    if (statSync(full).isFile()) {
      out.push(entry);
      continue;
    }
    for (const f of await readdir(full, { recursive: true, withFileTypes: true })) {
      const rel = path.relative(root, path.join(f.parentPath, f.name));
      if (f.isFile() && !NOT_FINGERPRINTED.some((x) => rel === x || rel.startsWith(`${x}${path.sep}`))) out.push(rel);
    }
  }
  return out.sort();
}

/** What the build's output depends on besides the posts: the code, the settings and the path prefix. */
export interface FingerprintInput {
  projectRoot: string;
  /** The site settings as the build uses them (after the environment's overrides), the drafts policy and origin included. */
  settings: unknown;
  pathPrefix: string;
}

/** Hash of the code (FINGERPRINTED files and Node's version) and of the settings: a change of either renders everything. */
export async function buildFingerprint(input: FingerprintInput): Promise<string> {
  const files = await filesUnder(input.projectRoot, FINGERPRINTED);
  const h = createHash("sha256");
  h.update(`format ${FORMAT}\0node ${process.version}\0prefix ${input.pathPrefix}\0settings ${JSON.stringify(input.settings)}\0`);
  for (const f of files) {
    const bytes = await readFile(path.join(input.projectRoot, f));
    h.update(`${f}\0${bytes.length}\0`);
    h.update(bytes);
  }
  return h.digest("hex");
}

/**
 * Hash of each post file's bytes by the slug its page gets. Two files with one slug (one of them
 * not published) share both hashes: their key changes with either, which is never wrong.
 */
export async function postFileHashes(contentDir: string, known: (file: string) => string | undefined = () => undefined): Promise<Map<string, string>> {
  const { files } = await findPostFiles(contentDir);
  const hashes = new Map<string, string[]>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++]!;
      // The build's loader worked out the hash as it read the file (`known`); others are read here.
      const hash = known(file) ?? postFileHash(path.relative(contentDir, file), await readFile(file));
      const { slug } = fileSlug(path.basename(file, ".md"));
      const list = hashes.get(slug) ?? [];
      list.push(hash);
      hashes.set(slug, list);
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, files.length) }, worker));
  return new Map([...hashes].map(([slug, list]) => [slug, sha(...list.sort())]));
}

/** What a post's page shows of other posts, as plain data (see POST_PAGE_MODEL_FIELDS). */
export function postContext(model: SiteModel, post: Post): unknown {
  const terms = model.termsByPost[post.slug] ?? {};
  const nav = model.series[post.slug];
  const brief = (p: Post | undefined): unknown => (p ? [p.url, p.title, p.date] : null);
  return {
    header: model.headerTaxonomies,
    terms: Object.entries(terms).map(([key, list]) => [key, list.map((t) => [t.name, t.url, t.hasPage])]),
    series: nav ? [nav.term.name, nav.term.url, nav.term.hasPage, nav.index, nav.total, brief(nav.previous), brief(nav.next)] : null,
    related: (model.related[post.slug] ?? []).map(brief),
  };
}

/** The site-relative file of a post's page. */
export const postPageFile = (post: Post): string => pageFile(post.url);

/** Read the manifest of a previous site, or undefined when there is none that can be trusted. */
export function readManifest(site: string): BuildManifest | undefined {
  if (!existsSync(path.join(site, SITE_MARKER))) return undefined;
  try {
    const m = JSON.parse(readFileSync(path.join(site, BUILD_MANIFEST), "utf8")) as Partial<BuildManifest>;
    if (m.format !== FORMAT || typeof m.fingerprint !== "string" || typeof m.pages !== "object" || m.pages === null || typeof m.transcripts !== "object" || m.transcripts === null) return undefined;
    return m as BuildManifest;
  } catch {
    return undefined;
  }
}

/** How a build went about its post pages and list pages. */
export interface CacheReport {
  /** Why every page was rendered, when it was. */
  fullReason?: string;
  /** Post pages rendered and copied. */
  rendered: number;
  reused: number;
  /** Home, term and taxonomy index pages rendered and copied. */
  listsRendered: number;
  listsReused: number;
  /** Copied posts whose transcript was parsed for its warnings (none when the manifest kept them). */
  parsed: number;
}

/** One build's page cache: plans what to render, then fills in the rest from the previous site. */
export class PageCache {
  private readonly previous: BuildManifest | undefined;
  /** Why this build renders every page, when it does. */
  readonly fullReason: string | undefined;
  private readonly keys = new Map<string, string>();
  private reuse: string[] = [];
  private reusedPosts: Post[] = [];
  private renderedPosts: Post[] = [];
  private postPages = 0;
  private listPages = 0;
  private listsReused = 0;
  private planned = false;

  /**
   * @param previousSite the site being replaced (its pages are copied from there)
   * @param fingerprint this build's `buildFingerprint`
   * @param fileHashes this build's `postFileHashes`
   * @param useCache false to render everything (`--no-cache`); the manifest is written either way
   * @param loader the build's content loader: what parsing found is read from it and reported through it
   */
  constructor(
    private readonly previousSite: string,
    private readonly fingerprint: string,
    private readonly fileHashes: ReadonlyMap<string, string>,
    useCache: boolean,
    private readonly loader?: ContentLoader,
  ) {
    const manifest = useCache ? readManifest(previousSite) : undefined;
    this.fullReason = !useCache
      ? "asked for a clean build"
      : !existsSync(path.join(previousSite, SITE_MARKER))
        ? "no previous site"
        : !manifest
          ? "the previous site has no build manifest"
          : manifest.fingerprint !== fingerprint
            ? "code, templates, settings or path prefix changed"
            : undefined;
    this.previous = this.fullReason ? undefined : manifest;
  }

  /** The key of a post's page in this build. */
  keyOf(model: SiteModel, post: Post): string {
    const file = this.fileHashes.get(post.slug);
    // A post whose file was not hashed (cannot happen: both come from the same folder) gets a key no manifest holds.
    if (file === undefined) return `unhashed:${post.slug}`;
    return sha(this.fingerprint, post.slug, file, JSON.stringify(postContext(model, post))).slice(0, KEY_LENGTH);
  }

  /** True when the previous site has this page with this key (and the size it recorded): it can be copied. */
  private unchanged(file: string, key: string): boolean {
    this.keys.set(file, key);
    const before = this.previous?.pages[file];
    if (before && before.key === key && sizeOf(path.join(this.previousSite, file)) === before.size) {
      this.reuse.push(file);
      return true;
    }
    return false;
  }

  /** The render plan for this build's model: every page but the post and list pages that can be copied. */
  plan(model: SiteModel): RenderPlan {
    this.planned = true;
    this.keys.clear();
    this.reuse = [];
    this.reusedPosts = [];
    this.renderedPosts = [];
    const posts: Post[] = [];
    for (const post of model.posts) {
      if (this.unchanged(postPageFile(post), this.keyOf(model, post))) this.reusedPosts.push(post);
      else posts.push(post);
    }
    this.renderedPosts = posts;
    this.postPages = model.posts.length;
    // Each listed post described once (hashed), however many lists show it.
    const described = new Map<Post, string>();
    const listed = (post: Post): string => {
      let d = described.get(post);
      if (d === undefined) described.set(post, (d = sha(JSON.stringify(listedPost(model, post)))));
      return d;
    };
    const keep = <T extends { url: string }>(pages: readonly T[], data: (page: T) => unknown): T[] =>
      pages.filter((page) => !this.unchanged(pageFile(page.url), sha(this.fingerprint, JSON.stringify(data(page))).slice(0, KEY_LENGTH)));
    const homePages = keep(model.homePages, (p) => homePageData(p, listed));
    const termPages = keep(model.termPages, (p) => termPageData(p, listed));
    const taxonomyPages = keep(model.taxonomyPages, taxonomyPageData);
    this.listPages = model.homePages.length + model.termPages.length + model.taxonomyPages.length;
    this.listsReused = this.listPages - homePages.length - termPages.length - taxonomyPages.length;
    return { posts, homePages, taxonomyPages, termPages, years: model.years, partial: this.reuse.length > 0 };
  }

  /** Copy the pages planned for reuse from the previous site into `staging` (after Eleventy wrote the rest), then write the manifest. */
  async finish(staging: string): Promise<CacheReport> {
    if (!this.planned) throw new Error("page cache: the build rendered without asking for a plan");
    const transcripts: BuildManifest["transcripts"] = {};
    // What parsing the rendered posts' transcripts found, for the next build.
    for (const post of this.renderedPosts) {
      const hash = this.fileHashes.get(post.slug);
      const found = this.loader?.transcriptFindings(post.slug);
      if (hash !== undefined && found) transcripts[hash] = found;
    }
    // A transcript's warnings are found when it is parsed, which rendering does. A copied page's post
    // reports what the manifest kept for the same file (and code); one that the manifest does not
    // know is parsed, so an incremental build reports (and fails --strict on) what a clean one does.
    const tick = heapGovernor();
    let parsed = 0;
    for (const post of this.reusedPosts) {
      const hash = this.fileHashes.get(post.slug);
      const kept = hash === undefined ? undefined : this.previous?.transcripts[hash];
      if (kept && this.loader) {
        this.loader.reportTranscriptFindings(post.slug, kept);
      } else {
        void post.transcript;
        tick();
        // Now and then back to the event loop, so the build's progress timer can report.
        if (++parsed % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      const found = this.loader?.transcriptFindings(post.slug);
      if (hash !== undefined && found) transcripts[hash] = found;
    }
    const queue = [...this.reuse];
    const made = new Set<string>();
    const worker = async (): Promise<void> => {
      for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
        const from = path.join(this.previousSite, file);
        const to = path.join(staging, file);
        const dir = path.dirname(to);
        if (!made.has(dir)) {
          made.add(dir);
          await mkdir(dir, { recursive: true });
        }
        // A hard link costs no copy; the previous site is deleted after the swap and nothing writes into a built page.
        await link(from, to).catch(() => copyFile(from, to));
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    const pages: BuildManifest["pages"] = {};
    for (const [file, key] of [...this.keys].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      // Size of what is in staging now: rendered or copied, it is this build's page.
      pages[file] = { key, size: (await stat(path.join(staging, file))).size };
    }
    const sortedTranscripts = Object.fromEntries(Object.entries(transcripts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const manifest: BuildManifest = { format: FORMAT, fingerprint: this.fingerprint, pages, transcripts: sortedTranscripts };
    await writeFile(path.join(staging, BUILD_MANIFEST), `${JSON.stringify(manifest)}\n`);
    const postsReused = this.reusedPosts.length;
    return {
      ...(this.fullReason ? { fullReason: this.fullReason } : {}),
      rendered: this.postPages - postsReused,
      reused: postsReused,
      listsRendered: this.listPages - this.listsReused,
      listsReused: this.listsReused,
      parsed,
    };
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return -1;
  }
}
