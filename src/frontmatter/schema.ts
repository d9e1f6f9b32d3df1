/**
 * The front-matter schema: the single source of truth for the shape of a post's metadata.
 * Value shapes follow the real archive (quoted and bare dates, `''` as unset, `[]` and `'[]'`
 * as empty lists, `companies` as an old alias of `companies_orgs`).
 */
import { z } from "zod";

/** Keys whose values are lists of names (taxonomies). */
export const LIST_KEYS = ["tags", "people", "companies_orgs", "products_models", "media_books", "project"] as const;
/** Keys whose values are single optional strings; `''` means unset. */
export const TEXT_KEYS = ["area", "category", "series", "guest", "insight", "speaker", "author", "status"] as const;
/** Old key names accepted as aliases, with the key they stand for. */
export const KEY_ALIASES: Readonly<Record<string, (typeof LIST_KEYS)[number]>> = { companies: "companies_orgs" };
/** Every key the schema knows (aliases included), for unknown-key warnings and spelling hints. */
export const KNOWN_KEYS: readonly string[] = ["title", "date", "summary", "draft", "layout", "source", ...LIST_KEYS, ...TEXT_KEYS, ...Object.keys(KEY_ALIASES)];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `y-m-d` names a real day of the proleptic Gregorian calendar (rejects 2025-02-30). */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  // Date.UTC rolls invalid days over (Feb 30 → Mar 2); a round trip that changes the parts means the day does not exist.
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const dateValue = z.union([z.string(), z.date()]).transform((value, ctx): string => {
  const text = value instanceof Date ? (Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10)) : value.trim();
  const m = ISO_DATE.exec(text);
  if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    ctx.addIssue({
      code: "custom",
      message: m ? `'${text}' is not a real calendar date` : `'${text}' is not a date in the form YYYY-MM-DD`,
    });
    return z.NEVER;
  }
  return text;
});

const scalarText = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v).trim());

/** An optional single string: absent, null and `''` all mean unset. */
const optionalText = z
  .union([scalarText, z.null()])
  .optional()
  .transform((v) => (v == null || v === "" ? undefined : v));

/**
 * A list of names. Accepts a YAML list, `[]`, the quoted string `'[]'` and null (empty key);
 * a single string becomes a one-item list. Items are trimmed; empty items are dropped;
 * names equal apart from letter case are kept once (the first spelling wins).
 */
const nameList = z
  .union([z.array(z.union([scalarText, z.null()])), scalarText, z.null()])
  .optional()
  .transform((v): string[] => {
    if (v == null) return [];
    const items = Array.isArray(v) ? v : v === "[]" || v === "" ? [] : [v];
    const seen = new Set<string>();
    const out: string[] = [];
    for (const item of items) {
      if (item == null || item === "") continue;
      const key = item.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        out.push(item);
      }
    }
    return out;
  });

const sourceUrl = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v, ctx): string | undefined => {
    const text = v?.trim();
    if (!text) return undefined;
    let ok = false;
    try {
      const url = new URL(text);
      ok = url.protocol === "http:" || url.protocol === "https:";
    } catch {
      ok = false;
    }
    if (!ok) {
      ctx.addIssue({ code: "custom", message: `'${text}' is not an http(s) URL` });
      return z.NEVER;
    }
    return text;
  });

/** The schema of a post's front matter after old key names are folded in (`foldAliases` in keys.ts). */
export const frontMatterSchema = z.object({
  title: scalarText.pipe(z.string().min(1, "the title is empty")),
  date: dateValue,
  summary: optionalText,
  draft: z.boolean().default(false),
  // Every post is rendered with post.njk whatever this says; real posts carry `layout: post.njk`
  // from the tool that wrote them. The key is read, not ignored, so that another layout is reported
  // (layout-unknown) rather than silently not applied, and a post's data always says post.njk.
  layout: optionalText.transform((v) => v ?? "post.njk"),
  source: sourceUrl,
  tags: nameList,
  people: nameList,
  companies_orgs: nameList,
  products_models: nameList,
  media_books: nameList,
  project: nameList,
  area: optionalText,
  category: optionalText,
  series: optionalText,
  guest: optionalText,
  insight: optionalText,
  speaker: optionalText,
  author: optionalText,
  status: optionalText,
});

/** Validated, normalised front matter of one post. */
export type FrontMatter = z.infer<typeof frontMatterSchema>;
