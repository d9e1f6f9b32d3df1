/**
 * The front matter's YAML parsed with positions (the `yaml` library's Document, so every later
 * diagnostic names the line of its key or value), and what to tell the author when it cannot be read.
 */
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Document } from "yaml";
import type { LocalDiagnostic } from "../diagnostics.js";
import { tooDeep, yamlStarBullet, yamlSyntax, type Position, type YamlCause } from "./messages.js";

/** Parsed front matter: the document, and the file position of an offset in its text. */
export interface ParsedYaml {
  doc: Document;
  at: (offset: number) => Position;
}

/**
 * Parse `yaml`, whose line n is line n of the file (it starts with the opening fence's newline).
 * Returns the document, or the one error that says why it cannot be read.
 */
export function parseYaml(yaml: string): ParsedYaml | { failure: LocalDiagnostic } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): Position => lineCounter.linePos(offset);
  const tooDeepHere = nestingDiagnostic(doc, yaml, at);
  if (tooDeepHere) return { failure: tooDeepHere };
  if (doc.errors.length > 0) return { failure: syntaxDiagnostic(doc, yaml, at) };
  return { doc, at };
}

/** Deeper than any front matter needs (a list of names is 2), far below what overflows the stack. */
const MAX_NESTING = 64;

/**
 * Front matter nested so deeply that reading it would overflow the call stack (the yaml library
 * reports that as "Maximum call stack size exceeded"; later recursive steps would throw it): one
 * error at the line of the top-level key that holds it. Measured without recursion.
 */
function nestingDiagnostic(doc: Document, yaml: string, at: (offset: number) => Position): LocalDiagnostic | undefined {
  const overflow = doc.errors.find((e) => /call stack/i.test(e.message));
  if (overflow) {
    // The key whose value was being read: the last top-level `key:` line at or before where the parser gave up.
    const lines = yaml.split("\n");
    for (let i = Math.min(at(overflow.pos[0]).line - 1, lines.length - 1); i >= 0; i--) {
      const m = /^([^\s#'"\-[{][^:]*):/.exec(lines[i]!);
      if (m) return tooDeep({ line: i + 1, col: 1 }, m[1]!.trim(), MAX_NESTING);
    }
    return tooDeep(at(overflow.pos[0]), "a value", MAX_NESTING);
  }
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  for (const pair of doc.contents.items) {
    const stack: Array<[unknown, number]> = [[pair.value, 1]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop()!;
      if (depth > MAX_NESTING) {
        const key = isScalar(pair.key) ? String(pair.key.value) : "a key";
        const pos = isScalar(pair.key) && pair.key.range ? at(pair.key.range[0]) : { line: 2, col: 1 };
        return tooDeep(pos, key, MAX_NESTING);
      }
      if (isSeq(node)) for (const item of node.items) stack.push([item, depth + 1]);
      else if (isMap(node)) for (const p of node.items) stack.push([p.key, depth + 1], [p.value, depth + 1]);
    }
  }
  return undefined;
}

/** The first YAML error, at the line the author has to fix, with a hint from the text around it. */
function syntaxDiagnostic(doc: Document, yaml: string, at: (offset: number) => Position): LocalDiagnostic {
  const first = doc.errors[0]!;
  const pos = at(first.pos[0]);
  const lines = yaml.split("\n");
  // The YAML text starts with the fence's newline: index i is file line i + 1.
  const starLines = lines.flatMap((l, i) => (/^\s*\*\s/.test(l) ? [i + 1] : []));
  if (starLines.length > 0) {
    return yamlStarBullet({ line: starLines.includes(pos.line) ? pos.line : starLines[0]!, col: 1 }, starLines);
  }
  const tabLines = lines.flatMap((l, i) => (/^\t/.test(l) ? [i + 1] : []));
  let cause: YamlCause;
  if (tabLines.length > 0) {
    cause = { kind: "tabs", lines: tabLines };
  } else if (/quote/i.test(first.message)) {
    // yaml reports a missing closing quote where it gave up; the author needs the line where it opened.
    const opened = findUnclosedQuoteLine(lines, pos.line);
    if (opened) {
      pos.line = opened.line;
      pos.col = opened.col;
    }
    cause = { kind: "quote" };
  } else if (first.code === "DUPLICATE_KEY") {
    cause = { kind: "duplicate" };
  } else {
    cause = { kind: "other" };
  }
  const reason = first.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, "");
  return yamlSyntax(pos, reason, doc.errors.length - 1, cause);
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
