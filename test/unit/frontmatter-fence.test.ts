import { test } from "node:test";
import assert from "node:assert/strict";
import { bodyOf, splitPost } from "../../src/frontmatter/fence.js";
import { readFrontMatter } from "../../src/frontmatter/read.js";

const rules = (text: string): string[] => readFrontMatter(text).diagnostics.map((d) => `${d.line}:${d.severity}:${d.rule}`);

test("the split hands the YAML over with the file's line numbers and the body after the closing fence's line", () => {
  const split = splitPost("---\ntitle: t\ndate: 2025-01-01\n---\nbody\n");
  assert.equal(split.kind, "closed");
  assert.ok(split.kind === "closed");
  assert.equal(split.yaml, "\ntitle: t\ndate: 2025-01-01");
  assert.deepEqual(bodyOf("---\ntitle: t\n---   \nbody\n"), { body: "body\n", bodyLineOffset: 3 }, "white space after the closing fence is part of its line");
  assert.equal(readFrontMatter("---\ntitle: t\ndate: 2025-01-01\n---   \nbody\n").body, "body\n", "the full reader agrees");
});

test("long fences are read as three dashes and named; an unclosed long fence is reported as both", () => {
  const split = splitPost("-----\ntitle: t\n----\nb");
  assert.ok(split.kind === "closed");
  assert.equal(split.longOpening, "-----");
  assert.equal(split.longClosingLine, 3);
  assert.deepEqual(rules("----\ntitle: t\n"), ["1:warning:frontmatter-fence", "1:error:frontmatter-unclosed"]);
});

test("a line that only starts with three dashes does not close the front matter", () => {
  const r = readFrontMatter("---\ntitle: t\n---x: 1\ndate: 2025-01-01\n---\nbody\n");
  assert.equal(r.data?.title, "t");
  assert.deepEqual(r.extra, { "---x": 1 });
  assert.equal(r.body, "body\n");
});

test("empty front matter is missing its title and date (it was once dropped without a word)", () => {
  assert.deepEqual(rules("---\n---\nbody\n"), ["1:error:key-missing", "1:error:key-missing"]);
  assert.deepEqual(rules("---\n# only a comment\n---\nbody\n"), ["1:error:key-missing", "1:error:key-missing"]);
});
