/**
 * Lean fragments: Pagefind stores each page's whole indexed text in the page's fragment (for
 * excerpts), where this site's post pages already hold it. After a part is written, the text is left
 * out of the fragment of every page whose words assets/search-content.js works out exactly as
 * Pagefind stored them (checked page by page, by hash), and the search page works them out from the
 * post page itself when it lists the post. A page whose words would come out otherwise (HTML those
 * rules do not cover) keeps its text, and the search page reads it as before. At 9,000 posts this
 * is about 115 MiB of the index's 310 (fragments of 14 KiB become 1 KiB).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
// @ts-expect-error -- a plain ES module shared with the browser (JSDoc-typed); tsconfig leaves .js files out.
import { pagefindContent as pagefindContentJs, pagefindWords as pagefindWordsJs } from "../../assets/search-content.js";

/** The words Pagefind stores for the HTML it is given (see assets/search-content.js). */
export const pagefindWords = pagefindWordsJs as (html: string) => string[];
/** The text Pagefind stores for the HTML it is given: its words, one space between. */
export const pagefindContent = pagefindContentJs as (html: string) => string;

/** Pagefind's signature before a fragment's JSON (inside the gzip). */
const SIGNATURE = "pagefind_dcd";

/** A fragment's JSON: one page's data, as Pagefind writes it. */
export interface FragmentJson {
  url: string;
  /** The page's indexed text, its words one space apart ("" where leanFragments left it out). */
  content: string;
  word_count: number;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: { element: string; id: string; text: string; location: number }[];
}

/**
 * The hash a page's stored text is compared by: of its bytes in the fragment's JSON (escaped as JSON
 * escapes it), so that a fragment is checked without being decoded.
 */
export function textHash(jsonEscaped: string | Uint8Array): string {
  return createHash("sha256").update(jsonEscaped).digest("base64url");
}

/** The hash of the text Pagefind will store for `html` (its words, one space between). */
export function expectedTextHash(html: string): string {
  return textHash(JSON.stringify(pagefindContent(html)).slice(1, -1));
}

/** Reads a fragment file. */
export function readFragment(file: string): FragmentJson {
  const text = gunzipSync(readFileSync(file)).toString("utf8");
  if (!text.startsWith(SIGNATURE)) throw new Error(`search index: ${file} is not a Pagefind fragment`);
  return JSON.parse(text.slice(SIGNATURE.length)) as FragmentJson;
}

/** What leanFragments did to a part. */
export interface LeanReport {
  /** Fragments whose text was left out. */
  lean: number;
  /** Fragments that keep their text: their page's words would come out otherwise (by URL). */
  kept: string[];
  /** Bytes of the part's fragments before and after. */
  before: number;
  after: number;
}

// Pagefind writes a fragment's fields in this order (url, content, word_count, …): the text is what
// stands between these two, where a quote inside it is escaped.
const URL_START = Buffer.from(`${SIGNATURE}{"url":"`);
const CONTENT_START = Buffer.from('","content":"');
const CONTENT_END = Buffer.from('","word_count":');

/**
 * Leaves the text out of the fragments in `folder`/fragment whose page's words are known to come out
 * as stored: `expected` maps a page's URL to expectedTextHash of the HTML Pagefind was given. Read and
 * rewritten as bytes (a fragment is gzipped JSON: decoding 9,000 of them cost seconds). A fragment
 * keeps its name (the page's id): nothing reads a fragment by its hash. One laid out otherwise than
 * Pagefind 1.6 lays them out keeps its text.
 */
export function leanFragments(folder: string, expected: ReadonlyMap<string, string>): LeanReport {
  const dir = path.join(folder, "fragment");
  const report: LeanReport = { lean: 0, kept: [], before: 0, after: 0 };
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith(".pf_fragment")) continue;
    const file = path.join(dir, name);
    const bytes = readFileSync(file);
    report.before += bytes.length;
    const json = gunzipSync(bytes);
    const urlEnd = json.indexOf(CONTENT_START);
    const from = urlEnd + CONTENT_START.length;
    const to = json.indexOf(CONTENT_END, from);
    const url = urlEnd > 0 && json.subarray(0, URL_START.length).equals(URL_START) ? (JSON.parse(`"${json.subarray(URL_START.length, urlEnd).toString("utf8")}"`) as string) : undefined;
    const hash = url === undefined ? undefined : expected.get(url);
    if (hash === undefined || to < 0 || to === from || hash !== textHash(json.subarray(from, to))) {
      if (to < 0 || to > from) report.kept.push(url ?? name);
      report.after += bytes.length;
      continue;
    }
    const lean = gzipSync(Buffer.concat([json.subarray(0, from), json.subarray(to)]), { level: 9 });
    writeFileSync(file, lean);
    report.lean++;
    report.after += lean.length;
  }
  return report;
}
