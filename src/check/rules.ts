/**
 * Every rule id a check can report, so `--rule` and `--ignore` can refuse a misspelled id instead
 * of silently showing nothing (or hiding nothing). A unit test scans the sources for rule ids and
 * fails when one is missing here.
 */
import type { TranscriptRule } from "../transcript/warnings.js";

/** Rule ids of the front-matter reader (src/frontmatter/). */
export const FRONTMATTER_RULES = [
  "frontmatter-missing",
  "frontmatter-unclosed",
  "frontmatter-fence",
  "frontmatter-not-map",
  "yaml-syntax",
  "yaml-too-deep",
  "key-missing",
  "key-misspelled",
  "key-duplicate",
  "key-case",
  "key-unknown",
  "key-deprecated",
  "value-invalid",
  "value-quoted",
  "boolean-quoted",
  "list-quoted",
  "layout-unknown",
  "control-character",
] as const;

/** Rule ids about files and folders (src/content/load.ts). */
export const FILE_RULES = ["file-empty", "file-encoding", "file-binary", "file-name-encoding", "file-name-unsafe", "slug-duplicate", "slug-case", "post-empty"] as const;

/** Rule ids of the transcript parser (its warnings module in src/transcript/). */
export const TRANSCRIPT_RULES = [
  "details-close-corrupt",
  "details-unclosed",
  "details-stray-close",
  "original-empty",
  "original-missing",
  "translation-missing",
  "p-unclosed",
  "stray-lt",
  "repetition",
  "summary-text",
  "hidden-block",
  "heading-no-space",
  "comment-unclosed",
  "control-character",
  "label-unbalanced",
] as const;

/** Rule ids of the site model, found while the build renders (src/eleventy/content-plugin.ts). */
export const SITE_RULES = ["term-slug-clash"] as const;

/** Every known rule id, sorted. */
export const KNOWN_RULES: readonly string[] = [...new Set<string>([...FRONTMATTER_RULES, ...FILE_RULES, ...TRANSCRIPT_RULES, ...SITE_RULES])].sort();

/** The ids of `ids` that are not known rule ids. */
export function unknownRules(ids: readonly string[]): string[] {
  return ids.filter((id) => !KNOWN_RULES.includes(id));
}
