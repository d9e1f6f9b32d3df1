/** Hostile YAML nesting: a clear error at the key's line, never a stack overflow or an unrelated hint. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFrontMatter } from "../../src/frontmatter/read.js";

const post = (yaml: string): string => `---\ntitle: 深\ndate: '2025-01-01'\n${yaml}\n---\n正文。\n`;
const flow = (key: string, depth: number): string => `${key}: ${"[".repeat(depth)}x${"]".repeat(depth)}`;
const block = (key: string, depth: number): string => `${key}:\n${Array.from({ length: depth }, (_, i) => `${" ".repeat(i)}-`).join("\n")} x`;
const mapping = (key: string, depth: number): string => `${key}: ${"{a: ".repeat(depth)}x${"}".repeat(depth)}`;

/** The diagnostics as `line:col rule`, and their messages. */
function read(text: string): { at: string[]; messages: string[] } {
  const r = readFrontMatter(text);
  assert.equal(r.data, undefined, "the post is refused");
  return { at: r.diagnostics.map((d) => `${d.line}:${d.col} ${d.rule}`), messages: r.diagnostics.map((d) => d.message) };
}

test("nesting far past the stack's depth (100,000 '[') is one clear error at the key's line", () => {
  for (const [yaml, key] of [[flow("tags", 100_000), "tags"], [flow("notes", 100_000), "notes"], [mapping("people", 50_000), "people"]] as const) {
    const { at, messages } = read(post(yaml));
    assert.deepEqual(at, ["4:1 yaml-too-deep"], key);
    assert.match(messages[0]!, new RegExp(`nests lists or mappings too deeply .*'${key}'.*flat list of names`));
    assert.doesNotMatch(messages[0]!, /call stack|quoting/i, "no stack overflow text and no unrelated hint");
  }
});

test("a deep block list (a '-' per line) is reported at its key, not where the reader gave up", () => {
  const { at } = read(post(`summary: 摘要\n${block("tags", 3000)}`));
  assert.deepEqual(at, ["5:1 yaml-too-deep"]);
});

test("any depth gives the same answer and never throws, whatever the stack has left", () => {
  // Just past the limit, around powers of two, and on to where a recursive reader would have overflowed
  // (a block list 3,000 deep is 4.5 million characters of indentation).
  for (const depth of [65, 66, 97, 127, 128, 129, 255, 256, 511, 1024, 1500, 2047, 2999]) {
    for (const yaml of [flow("tags", depth), block("extra", depth), mapping("series", depth)]) {
      assert.deepEqual(read(post(yaml)).at, ["4:1 yaml-too-deep"], `depth ${depth}: ${yaml.slice(0, 20)}`);
    }
  }
});

test("ordinary nesting is left to the schema: a list of lists is a value error, not 'too deep'", () => {
  assert.deepEqual(read(post("tags: [[a, b], c]")).at, ["4:8 value-invalid"]);
  const deepButFine = readFrontMatter(post(flow("notes", 10)));
  assert.deepEqual(deepButFine.diagnostics.map((d) => d.rule), ["key-unknown"], "an unknown key 10 levels deep is kept, as any unknown key");
});
