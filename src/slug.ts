/** Readable, stable ASCII slugs for Chinese and Latin names (pinyin for Chinese characters). */
import { createHash } from "node:crypto";
import { pinyin } from "pinyin-pro";
import slugifyLatin from "@sindresorhus/slugify";

const HAN = /\p{Script=Han}/u;

/** `压缩即智能 AGI` → `ya-suo-ji-zhi-neng-agi`; `Claude Code` → `claude-code`. Empty when nothing is left. */
export function slugify(text: string): string {
  // pinyin-pro leaves non-Chinese runs intact ("consecutive") so English words keep their spelling.
  const latin = HAN.test(text) ? pinyin(text, { toneType: "none", type: "array", nonZh: "consecutive" }).join(" ") : text;
  return slugifyLatin(latin, { decamelize: false });
}

/** Longest slug `npm run new` makes: a readable URL, and far below file systems' 255-byte names. */
export const MAX_POST_SLUG = 60;

/**
 * `slug` cut to at most `max` characters at a `-`, which in a slug from `slugify` always falls
 * between two pinyin syllables or two words, so no syllable is cut in half. Only a single word
 * longer than `max` has no such place and is cut at `max`.
 */
export function truncateSlug(slug: string, max = MAX_POST_SLUG): string {
  if (slug.length <= max) return slug;
  const cut = slug.lastIndexOf("-", max);
  return cut > 0 ? slug.slice(0, cut) : slug.slice(0, max).replace(/-+$/, "");
}

/** The file name (without `.md`) of a new post: its title's slug, at most MAX_POST_SLUG characters. */
export function postSlug(title: string): string {
  return truncateSlug(slugify(title));
}

/**
 * Characters a post's file name must not carry into its URL: `#` and `?` end the path, `%` starts an
 * escape (`%2e%2e` is `..`), `\` is read as `/` by browsers, and control characters (a newline, an
 * escape) are invalid in URLs, HTML and XML, and can forge lines in logs.
 */
const URL_UNSAFE = /[#?%\\\u0000-\u001f\u007f-\u009f]+/g;

/** What a file name becomes in a URL. */
export interface FileSlug {
  /** The slug: the name itself when it is safe, else the name with each unsafe run replaced by `-`. */
  slug: string;
  /** The unsafe characters found, described for a message (`'#'`, `'%'`, `a newline`); empty when the name is used as is. */
  replaced: string[];
}

const describeChar = (c: string): string =>
  c === "\n" ? "a newline" : c === "\r" ? "a carriage return" : c === "\t" ? "a tab" : /[\u0000-\u001f\u007f-\u009f]/.test(c) ? `the control character U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}` : `'${c}'`;

/** The URL slug of a post's file name (without `.md`), made safe when it carries characters that would break its URL. */
export function fileSlug(name: string): FileSlug {
  const found = [...new Set(name.match(URL_UNSAFE)?.join("") ?? "")];
  if (found.length === 0) return { slug: name, replaced: [] };
  let slug = name.replace(URL_UNSAFE, "-");
  // Nothing but dashes (a name like `%%.md`) makes no readable URL: a stable one from the name instead.
  if (/^-*$/.test(slug)) slug = `post-${createHash("sha1").update(name).digest("hex").slice(0, 8)}`;
  return { slug, replaced: found.map(describeChar) };
}
