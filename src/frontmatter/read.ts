/**
 * Reads a post's front matter: splits the file at its fences (fence.ts), parses the YAML with
 * positions (yaml.ts), reads each key's spelling (keys.ts), applies what can be read without
 * guessing (leniency.ts) and validates the values against the schema (schema.ts). Pure: text in,
 * data and diagnostics out; every diagnostic's wording is in messages.ts.
 */
import { isMap, isScalar, isSeq, visit, type Document, type Node as YamlNode } from "yaml";
import { describeControlChars, hasControlChars, stripControlChars } from "../control-chars.js";
import type { LocalDiagnostic } from "../diagnostics.js";
import { splitPost } from "./fence.js";
import { foldAliases, KeySpellings } from "./keys.js";
import { looseBoolean, QUOTE_FOLDING, withoutWrappingQuotes } from "./leniency.js";
import * as say from "./messages.js";
import { FILE_START, type Position } from "./messages.js";
import { frontMatterSchema, LIST_KEYS, type FrontMatter } from "./schema.js";
import { parseYaml } from "./yaml.js";

export { bodyOf } from "./fence.js";

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

/** Read, validate and normalise the front matter of a post's text. */
export function readFrontMatter(raw: string): FrontMatterResult {
  const split = splitPost(raw);
  const { body, bodyLineOffset } = split;
  if (split.kind === "missing") return failed([say.frontMatterMissing()], body, bodyLineOffset);
  const diagnostics: LocalDiagnostic[] = [];
  if (split.longOpening !== undefined) diagnostics.push(say.fenceOpenLong(split.longOpening));
  if (split.kind === "unclosed") return failed([...diagnostics, say.frontMatterUnclosed()], body, bodyLineOffset);
  if (split.longClosingLine !== undefined) diagnostics.push(say.fenceCloseLong(split.longClosingLine));

  const parsed = parseYaml(split.yaml);
  if ("failure" in parsed) return failed([...diagnostics, parsed.failure], body, bodyLineOffset);
  const { doc, at } = parsed;
  removeControlChars(doc, at, diagnostics);
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) {
    diagnostics.push(say.notAMap(contents.range ? at(contents.range[0]) : { line: 2, col: 1 }));
    return failed(diagnostics, body, bodyLineOffset);
  }

  const keyPos = new Map<string, Position>();
  const valueNodes = new Map<string, YamlNode | null>();
  const input: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  const spellings = new KeySpellings();
  for (const pair of contents?.items ?? []) {
    const keyNode = pair.key;
    const asWritten = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const pos = isScalar(keyNode) && keyNode.range ? at(keyNode.range[0]) : { line: 2, col: 1 };
    const reading = spellings.read(asWritten, pos);
    if (reading.diagnostic) diagnostics.push(reading.diagnostic);
    if (reading.kind === "duplicate") continue;
    const key = reading.key;
    keyPos.set(key, pos);
    valueNodes.set(key, (pair.value as YamlNode | null) ?? null);
    if (reading.kind === "unknown") {
      extra[key] = nodeValue(pair.value);
      continue;
    }
    const folding = QUOTE_FOLDING[key];
    if (folding) unquoteValues(key, pair.value, folding, at, diagnostics);
    input[key] = nodeValue(pair.value);
  }
  if (typeof input.draft === "string") {
    const flag = looseBoolean(input.draft);
    if (flag !== undefined) {
      const node = valueNodes.get("draft");
      diagnostics.push(say.booleanQuoted(node?.range ? at(node.range[0]) : (keyPos.get("draft") ?? FILE_START), input.draft, flag));
      input.draft = flag;
    }
  }
  foldAliases(input, keyPos, diagnostics);

  const valid = frontMatterSchema.safeParse(input);
  if (!valid.success) {
    for (const issue of valid.error.issues) {
      const key = String(issue.path[0] ?? "");
      const itemIndex = typeof issue.path[1] === "number" ? issue.path[1] : undefined;
      let pos = keyPos.get(key) ?? FILE_START;
      const node = valueNodes.get(key);
      if (node && isSeq(node)) {
        // Point at the offending item: the one zod names, or else the first that is not a plain value.
        const item = (itemIndex !== undefined ? node.items[itemIndex] : node.items.find((i) => !isScalar(i))) as YamlNode | undefined;
        if (item?.range) pos = at(item.range[0]);
      }
      diagnostics.push(key && !keyPos.has(key) ? say.keyMissing(pos, key) : say.valueInvalid(pos, key, issue.message, input[key]));
    }
    return failed(diagnostics, body, bodyLineOffset, extra);
  }
  const data = valid.data;
  if (input.layout != null && data.layout !== "post.njk") diagnostics.push(say.layoutUnknown(keyPos.get("layout") ?? FILE_START, data.layout));
  for (const key of LIST_KEYS) {
    if (input[key] === "[]") diagnostics.push(say.listQuoted(keyPos.get(key) ?? FILE_START, key));
  }
  const ok = !diagnostics.some((d) => d.severity === "error");
  return { data: ok ? data : undefined, extra, body, bodyLineOffset, diagnostics };
}

function failed(diagnostics: LocalDiagnostic[], body: string, bodyLineOffset: number, extra: Record<string, unknown> = {}): FrontMatterResult {
  return { data: undefined, extra, body, bodyLineOffset, diagnostics };
}

/**
 * Remove control characters (YAML escapes like `"\0"`, `"\x01"`) from every string of the front
 * matter, keys and list items included, before anything reads it: one warning per value, at the value.
 */
function removeControlChars(doc: Document, at: (offset: number) => Position, diagnostics: LocalDiagnostic[]): void {
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== "string" || !hasControlChars(node.value)) return;
      diagnostics.push(say.controlCharacter(node.range ? at(node.range[0]) : FILE_START, describeControlChars(node.value)));
      node.value = stripControlChars(node.value);
    },
  });
}

/** A value node as plain data (an alias node is passed on as it is, for the schema to refuse). */
function nodeValue(node: unknown): unknown {
  return isScalar(node) || isMap(node) || isSeq(node) ? node.toJSON() : node;
}

/**
 * Remove quotes around a whole value, or around whole items of a list (`'"ai-ml"'`, `“台积电”`),
 * in place: one warning per key, at its first quoted value, naming how many were read so.
 */
function unquoteValues(key: string, node: unknown, folding: "all" | "ascii", at: (offset: number) => Position, diagnostics: LocalDiagnostic[]): void {
  const scalars = isSeq(node) ? node.items.filter(isScalar) : isScalar(node) ? [node] : [];
  let first: { before: string; pos: Position } | undefined;
  let count = 0;
  for (const scalar of scalars) {
    if (typeof scalar.value !== "string") continue;
    const inner = withoutWrappingQuotes(scalar.value, folding);
    if (inner === undefined) continue;
    first ??= { before: scalar.value.trim(), pos: scalar.range ? at(scalar.range[0]) : FILE_START };
    count++;
    scalar.value = inner;
  }
  if (first) diagnostics.push(say.valueQuoted(first.pos, key, first.before, count, isSeq(node)));
}
