/**
 * Splits a post into front matter and body (gray-matter), parses the YAML with positions
 * (the `yaml` library, so every diagnostic names the line of its key) and validates it
 * against the schema. Pure: text in, data and diagnostics out.
 */
import matter from "gray-matter";
import { LineCounter, parseDocument, isMap, isScalar, isSeq, visit, type Document, type Node as YamlNode } from "yaml";
import { closest, distance } from "fastest-levenshtein";
import { describeControlChars, hasControlChars, stripControlChars } from "../control-chars.js";
import type { LocalDiagnostic } from "../diagnostics.js";
import { caseVariantOf, looseBoolean, QUOTE_FOLDING, withoutWrappingQuotes } from "./leniency.js";
import { frontMatterSchema, KEY_ALIASES, KNOWN_KEYS, LIST_KEYS, TEXT_KEYS, type FrontMatter } from "./schema.js";

/** The outcome of reading one post's text. */
export interface FrontMatterResult {
  /** Validated front matter, or undefined when it has errors. */
  data: FrontMatter | undefined;
  /** Keys the schema does not know, kept as the author wrote them (never silently dropped). */
  extra: Record<string, unknown>;
  /** The Markdown body after the front matter, with CRLF folded to LF and no BOM. */
  body: string;
  /** Number of file lines before the body (so body line n is file line n + bodyLineOffset). */
  bodyLineOffset: number;
  diagnostics: LocalDiagnostic[];
}

interface Position {
  line: number;
  col: number;
}

const FENCE = /^---[ \t]*$/;
const LONG_FENCE = /^-{4,}[ \t]*$/;

/** Read, validate and normalise the front matter of a post's text. */
export function readFrontMatter(raw: string): FrontMatterResult {
  const diagnostics: LocalDiagnostic[] = [];
  const text = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  let source = text;
  if (LONG_FENCE.test(firstLine)) {
    diagnostics.push(warn({ line: 1, col: 1 }, "frontmatter-fence", `the front matter opens with '${firstLine.trim()}'; read as '---'. Write exactly three dashes.`));
    source = "---" + text.slice(firstLine.length);
  } else if (!FENCE.test(firstLine)) {
    diagnostics.push(error({ line: 1, col: 1 }, "frontmatter-missing", "the file has no front matter. Start it with a '---' line, then `title:` and `date:`, then another '---' line."));
    return { data: undefined, extra: {}, body: text, bodyLineOffset: 0, diagnostics };
  }
  const closeAt = findClosingFence(source);
  if (closeAt < 0) {
    diagnostics.push(error({ line: 1, col: 1 }, "frontmatter-unclosed", "the front matter is never closed. Add a line of exactly '---' after the last key."));
    return { data: undefined, extra: {}, body: "", bodyLineOffset: 0, diagnostics };
  }
  if (LONG_FENCE.test(source.slice(closeAt, source.indexOf("\n", closeAt) >>> 0))) {
    const line = countLines(source, closeAt) + 1;
    diagnostics.push(warn({ line, col: 1 }, "frontmatter-fence", "the front matter closes with more than three dashes; read as '---'. Write exactly three dashes."));
    source = source.slice(0, closeAt) + "---" + source.slice(closeAt).replace(/^-+/, "");
  }

  let doc: Document | undefined;
  const lineCounter = new LineCounter();
  // gray-matter splits the file; the engine keeps the parsed Document so positions survive.
  const file = matter(source, {
    engines: {
      yaml: (yamlText: string): object => {
        doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false });
        return {};
      },
    },
  });
  const body = file.content;
  const bodyLineOffset = countLines(source, source.length - body.length);
  if (!doc) return finish(diagnostics, {}, body, bodyLineOffset, undefined);
  const yamlDoc: Document = doc;
  // gray-matter's matter text starts with the newline after the opening fence, so YAML line n is file line n.
  const at = (offset: number): Position => lineCounter.linePos(offset);

  const tooDeep = nestingDiagnostic(yamlDoc, file.matter, at);
  if (tooDeep || yamlDoc.errors.length > 0) {
    diagnostics.push(tooDeep ?? yamlSyntaxDiagnostic(yamlDoc, file.matter, at));
    return finish(diagnostics, {}, body, bodyLineOffset, undefined);
  }
  removeControlChars(yamlDoc, at, diagnostics);
  const contents = yamlDoc.contents;
  if (contents !== null && !isMap(contents)) {
    const pos = contents.range ? at(contents.range[0]) : { line: 2, col: 1 };
    diagnostics.push(error(pos, "frontmatter-not-map", "the front matter must be a list of `key: value` lines."));
    return finish(diagnostics, {}, body, bodyLineOffset, undefined);
  }

  const keyPos = new Map<string, Position>();
  const valueNodes = new Map<string, YamlNode | null>();
  const input: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  // The key each known key was written as, for a second spelling of it in another letter case.
  const written = new Map<string, string>();
  for (const pair of contents?.items ?? []) {
    const keyNode = pair.key;
    const asWritten = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const pos = isScalar(keyNode) && keyNode.range ? at(keyNode.range[0]) : { line: 2, col: 1 };
    const variantOf = caseVariantOf(asWritten);
    const key = variantOf ?? asWritten;
    if (KNOWN_KEYS.includes(key)) {
      const first = written.get(key);
      if (first !== undefined) {
        const firstLine = keyPos.get(key)?.line ?? 1;
        diagnostics.push(error(pos, "key-duplicate", `'${first}' (line ${firstLine}) and '${asWritten}' (line ${pos.line}) are both the key '${key}'; a post has one ${key}. Keep one of the two lines, written '${key}:'.`));
        continue;
      }
      if (variantOf) diagnostics.push(warn(pos, "key-case", `'${asWritten}' is read as the key '${key}'. Write it in lowercase, '${key}:'.`));
      written.set(key, asWritten);
      keyPos.set(key, pos);
      valueNodes.set(key, (pair.value as YamlNode | null) ?? null);
      const folding = QUOTE_FOLDING[key];
      if (folding) unquoteValues(key, pair.value, folding, at, diagnostics);
      input[key] = nodeValue(pair.value);
      continue;
    }
    keyPos.set(key, pos);
    valueNodes.set(key, (pair.value as YamlNode | null) ?? null);
    extra[key] = nodeValue(pair.value);
    const suggestion = closest(key.toLowerCase(), KNOWN_KEYS as string[]);
    // A near miss (a swapped or missing letter) is almost surely a typo that would lose the value.
    if (key.length > 2 && distance(key.toLowerCase(), suggestion) <= (key.length >= 4 ? 2 : 1)) {
      diagnostics.push(error(pos, "key-misspelled", `unknown key '${key}': did you mean '${suggestion}'? Rename it, or its value is not used.`));
    } else {
      diagnostics.push(warn(pos, "key-unknown", `unknown key '${key}' is not used by the site (kept in the post's data). Remove it if it is a mistake.`));
    }
  }
  if (typeof input.draft === "string") {
    const flag = looseBoolean(input.draft);
    if (flag !== undefined) {
      const node = valueNodes.get("draft");
      const pos = node?.range ? at(node.range[0]) : (keyPos.get("draft") ?? { line: 1, col: 1 });
      diagnostics.push(warn(pos, "boolean-quoted", `'draft' is the text ${JSON.stringify(input.draft)}, read as ${flag}. Write draft: ${flag} (true or false, without quotes).`));
      input.draft = flag;
    }
  }
  for (const [alias, target] of Object.entries(KEY_ALIASES)) {
    if (!(alias in input)) continue;
    const pos = keyPos.get(alias) ?? { line: 1, col: 1 };
    diagnostics.push(warn(pos, "key-deprecated", `'${alias}' is the old name of '${target}'; its names are merged into '${target}'. Rename the key.`));
    const merged = [input[target], input[alias]].flatMap((v) => (v == null ? [] : Array.isArray(v) ? v : [v]));
    input[target] = merged;
    delete input[alias];
    if (!keyPos.has(target)) keyPos.set(target, pos);
  }

  const parsed = frontMatterSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      const itemIndex = typeof issue.path[1] === "number" ? issue.path[1] : undefined;
      let pos = keyPos.get(key) ?? { line: 1, col: 1 };
      const node = valueNodes.get(key);
      if (node && isSeq(node)) {
        // Point at the offending item: the one zod names, or else the first that is not a plain value.
        const item = (itemIndex !== undefined ? node.items[itemIndex] : node.items.find((i) => !isScalar(i))) as YamlNode | undefined;
        if (item?.range) pos = at(item.range[0]);
      }
      diagnostics.push(error(pos, key && !keyPos.has(key) ? "key-missing" : "value-invalid", describeIssue(key, issue.message, keyPos.has(key), input[key])));
    }
    return finish(diagnostics, extra, body, bodyLineOffset, undefined);
  }
  const data = parsed.data;
  if (input.layout != null && data.layout !== "post.njk") {
    diagnostics.push(warn(keyPos.get("layout") ?? { line: 1, col: 1 }, "layout-unknown", `layout '${data.layout}' is not a layout of this site; post.njk is used. Remove the key or set it to post.njk.`));
  }
  for (const key of LIST_KEYS) {
    if (input[key] === "[]") {
      diagnostics.push(warn(keyPos.get(key) ?? { line: 1, col: 1 }, "list-quoted", `'${key}' is the quoted string '[]'; read as an empty list. Write ${key}: [] without quotes.`));
    }
  }
  return finish(diagnostics, extra, body, bodyLineOffset, data);
}

/**
 * The body of a post and the number of lines before it, without parsing the YAML (for a second
 * read of a file whose front matter was already checked). Agrees with `readFrontMatter`.
 */
export function bodyOf(raw: string): { body: string; bodyLineOffset: number } {
  const text = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  if (!FENCE.test(firstLine) && !LONG_FENCE.test(firstLine)) return { body: text, bodyLineOffset: 0 };
  const closeAt = findClosingFence(text);
  if (closeAt < 0) return { body: "", bodyLineOffset: 0 };
  const end = text.indexOf("\n", closeAt);
  const start = end < 0 ? text.length : end + 1;
  return { body: text.slice(start), bodyLineOffset: countLines(text, start) };
}

/**
 * Remove control characters (YAML escapes like `"\0"`, `"\x01"`) from every string of the front
 * matter, keys and list items included, before anything reads it: one warning per value, at the value.
 */
function removeControlChars(doc: Document, at: (offset: number) => Position, diagnostics: LocalDiagnostic[]): void {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== "string" || !hasControlChars(node.value)) return;
      const pos = node.range ? at(node.range[0]) : { line: 1, col: 1 };
      diagnostics.push(warn(pos, "control-character", `this value holds invisible control characters (${describeControlChars(node.value)}), which would make the feed and sitemap invalid XML; removed. Delete them from the value.`));
      node.value = stripControlChars(node.value);
    },
  });
}

/** A value node as plain data. */
function nodeValue(node: unknown): unknown {
  return isScalar(node) || isMap(node) || isSeq(node) ? node.toJSON() : node === null ? null : node;
}

/**
 * Remove quotes around a whole value, or around whole items of a list (`'"ai-ml"'`, `“台积电”`),
 * in place: one warning per key, at its first quoted value, naming how many were read so.
 */
function unquoteValues(key: string, node: unknown, folding: "all" | "ascii", at: (offset: number) => Position, diagnostics: LocalDiagnostic[]): void {
  const scalars = isSeq(node) ? node.items.filter(isScalar) : isScalar(node) ? [node] : [];
  const changed: Array<{ before: string; pos: Position }> = [];
  for (const scalar of scalars) {
    if (typeof scalar.value !== "string") continue;
    const inner = withoutWrappingQuotes(scalar.value, folding);
    if (inner === undefined) continue;
    changed.push({ before: scalar.value.trim(), pos: scalar.range ? at(scalar.range[0]) : { line: 1, col: 1 } });
    scalar.value = inner;
  }
  const first = changed[0];
  if (!first) return;
  const what = isSeq(node) ? (changed.length === 1 ? `the name ${first.before} is` : `${changed.length} names (${first.before}, …) are`) : `the value ${first.before} is`;
  diagnostics.push(warn(first.pos, "value-quoted", `in '${key}', ${what} in quotes that are not part of ${changed.length === 1 ? "it" : "them"}; read without them. Remove the quotes.`));
}

function finish(diagnostics: LocalDiagnostic[], extra: Record<string, unknown>, body: string, bodyLineOffset: number, data: FrontMatter | undefined): FrontMatterResult {
  const failed = diagnostics.some((d) => d.severity === "error");
  return { data: failed ? undefined : data, extra, body, bodyLineOffset, diagnostics };
}

/** Offset of the closing `---` line, or -1. */
function findClosingFence(text: string): number {
  let i = text.indexOf("\n") + 1;
  while (i > 0 && i < text.length) {
    const end = text.indexOf("\n", i);
    const line = text.slice(i, end < 0 ? text.length : end);
    if (FENCE.test(line) || LONG_FENCE.test(line)) return i;
    if (end < 0) break;
    i = end + 1;
  }
  return -1;
}

function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < end; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** Deeper than any front matter needs (a list of names is 2), far below what overflows the stack. */
const MAX_NESTING = 64;

/**
 * Front matter nested so deeply that reading it would overflow the call stack (the yaml library
 * reports that as "Maximum call stack size exceeded"; later recursive steps would throw it): one
 * error at the line of the top-level key that holds it. Measured without recursion.
 */
function nestingDiagnostic(doc: Document, yamlText: string, at: (offset: number) => Position): LocalDiagnostic | undefined {
  const message = (key: string): string =>
    `the front matter nests lists or mappings too deeply to be read ('${key}' goes more than ${MAX_NESTING} levels deep). A value is a text or a flat list of names: remove the extra '[' or '-' levels.`;
  const overflow = doc.errors.find((e) => /call stack/i.test(e.message));
  if (overflow) {
    // The key whose value was being read: the last top-level `key:` line at or before where the parser gave up.
    const lines = yamlText.split("\n");
    for (let i = Math.min(at(overflow.pos[0]).line - 1, lines.length - 1); i >= 0; i--) {
      const m = /^([^\s#'"\-[{][^:]*):/.exec(lines[i]!);
      if (m) return error({ line: i + 1, col: 1 }, "yaml-too-deep", message(m[1]!.trim()));
    }
    return error(at(overflow.pos[0]), "yaml-too-deep", message("a value"));
  }
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  for (const pair of doc.contents.items) {
    const stack: Array<[unknown, number]> = [[pair.value, 1]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop()!;
      if (depth > MAX_NESTING) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "a key";
        const pos = isScalar(pair.key) && pair.key.range ? at(pair.key.range[0]) : { line: 2, col: 1 };
        return error(pos, "yaml-too-deep", message(key));
      }
      if (isSeq(node)) for (const item of node.items) stack.push([item, depth + 1]);
      else if (isMap(node)) for (const p of node.items) stack.push([p.key, depth + 1], [p.value, depth + 1]);
    }
  }
  return undefined;
}

function yamlSyntaxDiagnostic(doc: Document, yamlText: string, at: (offset: number) => Position): LocalDiagnostic {
  const first = doc.errors[0]!;
  const pos = at(first.pos[0]);
  const lines = yamlText.split("\n");
  // The matter text starts with the fence's newline: index i is file line i + 1.
  const starLines = lines.flatMap((l, i) => (/^\s*\*\s/.test(l) ? [i + 1] : []));
  const tabLines = lines.flatMap((l, i) => (/^\t/.test(l) ? [i + 1] : []));
  const reason = first.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, "");
  let hint: string;
  if (starLines.length > 0) {
    hint = `YAML lists use '-', not '*': write '- name' on line${starLines.length > 1 ? "s" : ""} ${listLines(starLines)}.`;
    if (!starLines.includes(pos.line)) pos.line = starLines[0]!;
    pos.col = 1;
  } else if (tabLines.length > 0) {
    hint = `YAML indentation must use spaces, not tabs (line${tabLines.length > 1 ? "s" : ""} ${listLines(tabLines)}).`;
  } else if (/quote/i.test(first.message)) {
    // yaml reports a missing closing quote where it gave up; the author needs the line where it opened.
    const opened = findUnclosedQuoteLine(lines, pos.line);
    if (opened) {
      pos.line = opened.line;
      pos.col = opened.col;
    }
    hint = `the quote opened on line ${pos.line} is never closed: close it, or remove it.`;
  } else if (first.code === "DUPLICATE_KEY") {
    hint = "each key may appear once: merge the two values.";
  } else {
    hint = "check the quoting: a value containing ': ' or starting with '*', '&', '!', '[' or '{' must be quoted.";
  }
  if (starLines.length > 0) {
    return error(pos, "yaml-syntax", `the front matter is not valid YAML: line ${pos.line} starts with a Markdown '*' bullet, which YAML does not read as a list item. Hint: ${hint}`);
  }
  const more = doc.errors.length > 1 ? ` (${doc.errors.length - 1} more YAML problem${doc.errors.length > 2 ? "s" : ""} follow from it)` : "";
  return error(pos, "yaml-syntax", `the front matter is not valid YAML: ${reason}${more}. Hint: ${hint}`);
}

/** The last `key: "…` line at or before `line` whose quote is not closed on that line. */
function findUnclosedQuoteLine(lines: readonly string[], line: number): Position | undefined {
  for (let i = Math.min(line - 1, lines.length - 1); i >= 0; i--) {
    const m = /^(\s*[\w-]+\s*:\s*)(["'])/.exec(lines[i]!);
    if (!m) continue;
    const rest = lines[i]!.slice(m[0].length);
    if (!rest.includes(m[2]!)) return { line: i + 1, col: m[1]!.length + 1 };
  }
  return undefined;
}

function listLines(lines: number[]): string {
  return lines.length > 6 ? `${lines.slice(0, 6).join(", ")}, …` : lines.join(", ");
}

function describeIssue(key: string, zodMessage: string, present: boolean, value: unknown): string {
  if (!key) return `the front matter is invalid: ${zodMessage}.`;
  if (!present) return `required key '${key}' is missing. Add '${key}: ${key === "date" ? "'YYYY-MM-DD'" : "…"}' to the front matter.`;
  if (key === "date") return `'date': ${zodMessage.replace(/^Invalid input: /, "")}. Write a real day as date: 'YYYY-MM-DD'.`;
  if ((LIST_KEYS as readonly string[]).includes(key)) return `'${key}' must be a list of names (one '- name' per line, or [a, b]), not ${describeReceived(value)}.`;
  if ((TEXT_KEYS as readonly string[]).includes(key) || key === "title" || key === "summary") return `'${key}' must be text, not ${describeReceived(value)}.${key === "title" ? " Write the post's title after 'title:'." : ""}`;
  if (key === "draft") return `'draft' must be true or false, not ${describeReceived(value)}.`;
  if (key === "source") return `'source': ${zodMessage}. Give the address of the original video or page, starting with https://.`;
  return `'${key}': ${zodMessage}.`;
}

function describeReceived(value: unknown): string {
  if (Array.isArray(value)) return "a list containing a mapping or list";
  if (value === "") return "empty";
  if (value !== null && typeof value === "object") return "a mapping";
  return `the ${typeof value} ${JSON.stringify(value)}`;
}

function error(pos: Position, rule: string, message: string): LocalDiagnostic {
  return { line: pos.line, col: pos.col, severity: "error", rule, message };
}

function warn(pos: Position, rule: string, message: string): LocalDiagnostic {
  return { line: pos.line, col: pos.col, severity: "warning", rule, message };
}
