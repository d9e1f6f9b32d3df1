/**
 * Every diagnostic the front-matter reader reports, in one place so rule ids and wording stay
 * consistent: each message says what was found, what was done with it, and what the author should do.
 */
import type { LocalDiagnostic } from "../diagnostics.js";
import { LIST_KEYS, TEXT_KEYS } from "./schema.js";

/** A 1-based line and column in the post's file. */
export interface Position {
  line: number;
  col: number;
}

/** The start of the file, where problems of the file as a whole are reported. */
export const FILE_START: Position = Object.freeze({ line: 1, col: 1 });

/** The opening fence has more than three dashes (`written`). */
export function fenceOpenLong(written: string): LocalDiagnostic {
  return warn(FILE_START, "frontmatter-fence", `the front matter opens with '${written}'; read as '---'. Write exactly three dashes.`);
}

/** The closing fence, on `line`, has more than three dashes. */
export function fenceCloseLong(line: number): LocalDiagnostic {
  return warn({ line, col: 1 }, "frontmatter-fence", "the front matter closes with more than three dashes; read as '---'. Write exactly three dashes.");
}

/** The first line is not a fence. */
export function frontMatterMissing(): LocalDiagnostic {
  return error(FILE_START, "frontmatter-missing", "the file has no front matter. Start it with a '---' line, then `title:` and `date:`, then another '---' line.");
}

/** No line closes the front matter. */
export function frontMatterUnclosed(): LocalDiagnostic {
  return error(FILE_START, "frontmatter-unclosed", "the front matter is never closed. Add a line of exactly '---' after the last key.");
}

/** The YAML is a list or a single value rather than keys. */
export function notAMap(pos: Position): LocalDiagnostic {
  return error(pos, "frontmatter-not-map", "the front matter must be a list of `key: value` lines.");
}

/** Front matter nested more than `max` levels deep, under `key` (or "a value" when it is not known). */
export function tooDeep(pos: Position, key: string, max: number): LocalDiagnostic {
  return error(
    pos,
    "yaml-too-deep",
    `the front matter nests lists or mappings too deeply to be read ('${key}' goes more than ${max} levels deep). A value is a text or a flat list of names: remove the extra '[' or '-' levels.`,
  );
}

/** YAML that does not parse because a line starts with a Markdown `*` bullet (on `starLines`). */
export function yamlStarBullet(pos: Position, starLines: readonly number[]): LocalDiagnostic {
  const hint = `YAML lists use '-', not '*': write '- name' on line${starLines.length > 1 ? "s" : ""} ${listLines(starLines)}.`;
  return error(pos, "yaml-syntax", `the front matter is not valid YAML: line ${pos.line} starts with a Markdown '*' bullet, which YAML does not read as a list item. Hint: ${hint}`);
}

/** Why YAML could not be parsed, as far as it can be told from the text. */
export type YamlCause = { kind: "tabs"; lines: readonly number[] } | { kind: "quote" } | { kind: "duplicate" } | { kind: "other" };

/** YAML that does not parse: the parser's `reason`, how many more problems followed, and a hint for the `cause`. */
export function yamlSyntax(pos: Position, reason: string, moreProblems: number, cause: YamlCause): LocalDiagnostic {
  let hint: string;
  if (cause.kind === "tabs") hint = `YAML indentation must use spaces, not tabs (line${cause.lines.length > 1 ? "s" : ""} ${listLines(cause.lines)}).`;
  else if (cause.kind === "quote") hint = `the quote opened on line ${pos.line} is never closed: close it, or remove it.`;
  else if (cause.kind === "duplicate") hint = "each key may appear once: merge the two values.";
  else hint = "check the quoting: a value containing ': ' or starting with '*', '&', '!', '[' or '{' must be quoted.";
  const more = moreProblems > 0 ? ` (${moreProblems} more YAML problem${moreProblems > 1 ? "s" : ""} follow from it)` : "";
  return error(pos, "yaml-syntax", `the front matter is not valid YAML: ${reason}${more}. Hint: ${hint}`);
}

/** A string value held control characters (`described`), which were removed. */
export function controlCharacter(pos: Position, described: string): LocalDiagnostic {
  return warn(pos, "control-character", `this value holds invisible control characters (${described}), which would make the feed and sitemap invalid XML; removed. Delete them from the value.`);
}

/** `asWritten` (first written `first` on `firstLine`) spells the known key `key` a second time. */
export function keyDuplicate(pos: Position, key: string, first: string, firstLine: number, asWritten: string): LocalDiagnostic {
  return error(pos, "key-duplicate", `'${first}' (line ${firstLine}) and '${asWritten}' (line ${pos.line}) are both the key '${key}'; a post has one ${key}. Keep one of the two lines, written '${key}:'.`);
}

/** `asWritten` is the known key `key` in another letter case. */
export function keyCase(pos: Position, asWritten: string, key: string): LocalDiagnostic {
  return warn(pos, "key-case", `'${asWritten}' is read as the key '${key}'. Write it in lowercase, '${key}:'.`);
}

/** An unknown key close to the known key `suggestion`. */
export function keyMisspelled(pos: Position, key: string, suggestion: string): LocalDiagnostic {
  return error(pos, "key-misspelled", `unknown key '${key}': did you mean '${suggestion}'? Rename it, or its value is not used.`);
}

/** An unknown key like no known one. */
export function keyUnknown(pos: Position, key: string): LocalDiagnostic {
  return warn(pos, "key-unknown", `unknown key '${key}' is not used by the site (kept in the post's data). Remove it if it is a mistake.`);
}

/** The old key name `alias`, merged into `target`. */
export function keyDeprecated(pos: Position, alias: string, target: string): LocalDiagnostic {
  return warn(pos, "key-deprecated", `'${alias}' is the old name of '${target}'; its names are merged into '${target}'. Rename the key.`);
}

/** `draft` written as the text `text`, read as the boolean `flag`. */
export function booleanQuoted(pos: Position, text: string, flag: boolean): LocalDiagnostic {
  return warn(pos, "boolean-quoted", `'draft' is the text ${JSON.stringify(text)}, read as ${flag}. Write draft: ${flag} (true or false, without quotes).`);
}

/**
 * Quotes removed from around values of `key`: `count` of them, the first written `first`;
 * `inList` when the key's value is a list.
 */
export function valueQuoted(pos: Position, key: string, first: string, count: number, inList: boolean): LocalDiagnostic {
  const what = inList ? (count === 1 ? `the name ${first} is` : `${count} names (${first}, …) are`) : `the value ${first} is`;
  return warn(pos, "value-quoted", `in '${key}', ${what} in quotes that are not part of ${count === 1 ? "it" : "them"}; read without them. Remove the quotes.`);
}

/** A list key written as the quoted string `'[]'`. */
export function listQuoted(pos: Position, key: string): LocalDiagnostic {
  return warn(pos, "list-quoted", `'${key}' is the quoted string '[]'; read as an empty list. Write ${key}: [] without quotes.`);
}

/** A layout other than the one every post is rendered with. */
export function layoutUnknown(pos: Position, layout: string): LocalDiagnostic {
  return warn(pos, "layout-unknown", `layout '${layout}' is not a layout of this site; post.njk is used. Remove the key or set it to post.njk.`);
}

/** A required key is missing. */
export function keyMissing(pos: Position, key: string): LocalDiagnostic {
  return error(pos, "key-missing", `required key '${key}' is missing. Add '${key}: ${key === "date" ? "'YYYY-MM-DD'" : "…"}' to the front matter.`);
}

/** The schema refused the value of `key` (empty when the issue is not about one key), which is `value`. */
export function valueInvalid(pos: Position, key: string, schemaMessage: string, value: unknown): LocalDiagnostic {
  return error(pos, "value-invalid", describeInvalid(key, schemaMessage, value));
}

function describeInvalid(key: string, schemaMessage: string, value: unknown): string {
  if (!key) return `the front matter is invalid: ${schemaMessage}.`;
  if (key === "date") return `'date': ${schemaMessage.replace(/^Invalid input: /, "")}. Write a real day as date: 'YYYY-MM-DD'.`;
  if ((LIST_KEYS as readonly string[]).includes(key)) return `'${key}' must be a list of names (one '- name' per line, or [a, b]), not ${describeReceived(value)}.`;
  if ((TEXT_KEYS as readonly string[]).includes(key) || key === "title" || key === "summary") return `'${key}' must be text, not ${describeReceived(value)}.${key === "title" ? " Write the post's title after 'title:'." : ""}`;
  if (key === "draft") return `'draft' must be true or false, not ${describeReceived(value)}.`;
  if (key === "source") return `'source': ${schemaMessage}. Give the address of the original video or page, starting with https://.`;
  return `'${key}': ${schemaMessage}.`;
}

function describeReceived(value: unknown): string {
  if (Array.isArray(value)) return "a list containing a mapping or list";
  if (value === "") return "empty";
  if (value !== null && typeof value === "object") return "a mapping";
  return `the ${typeof value} ${JSON.stringify(value)}`;
}

function listLines(lines: readonly number[]): string {
  return lines.length > 6 ? `${lines.slice(0, 6).join(", ")}, …` : lines.join(", ");
}

function error(pos: Position, rule: string, message: string): LocalDiagnostic {
  return { line: pos.line, col: pos.col, severity: "error", rule, message };
}

function warn(pos: Position, rule: string, message: string): LocalDiagnostic {
  return { line: pos.line, col: pos.col, severity: "warning", rule, message };
}
