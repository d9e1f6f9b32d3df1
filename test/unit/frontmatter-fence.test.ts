import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { bodyOf, bodySurelyHasText, frontMatterByteEnd, splitPost } from "../../src/frontmatter/fence.js";
import { corpusDir, moreCorpusDir, root } from "../helpers.js";
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

test("the byte split finds the body where the text split does, for every kind of fence, line end and BOM", () => {
  const heads = ["---", "----", "---  ", "---\t", "-----\t ", "--", "--- x", " ---", "\uFEFF---", "title: t"];
  const closers = ["---", "----", "--- ", "------\t", "- - -", "--", "--- a"];
  const ends = ["\n", "\r\n", "\r"];
  const bodies = ["", "body 正文", "\n\n  <!-- c -->", "\r\nx"];
  let closed = 0;
  for (const head of heads)
    for (const closer of closers)
      for (const nl of ends)
        for (const body of bodies)
          for (const eof of [true, false]) {
            const text = `${head}${nl}title: 标题${nl}date: 2025-01-01${nl}${closer}${eof && body === "" ? "" : nl}${body}`;
            const bytes = Buffer.from(text, "utf8");
            const split = splitPost(text);
            const at = frontMatterByteEnd(bytes);
            const what = JSON.stringify(text);
            if (split.kind !== "closed") {
              assert.equal(at, -1, what);
              continue;
            }
            closed++;
            assert.ok(at >= 0, what);
            const front = splitPost(new TextDecoder().decode(bytes.subarray(0, at)));
            assert.ok(front.kind === "closed", what);
            assert.equal(front.yaml, split.yaml, what);
            assert.equal(front.bodyLineOffset, split.bodyLineOffset, what);
            assert.equal(front.body, "", what);
            assert.equal(new TextDecoder().decode(bytes.subarray(at)).replace(/\r\n?/g, "\n"), split.body, what);
          }
  assert.ok(closed > 300, `closed front matters tried: ${closed}`);
});

test("the byte split agrees with the text split on every real post and bad-input fixture", () => {
  const dirs = [corpusDir, moreCorpusDir, path.join(root, "test/fixtures/bad-frontmatter")];
  let files = 0;
  for (const dir of dirs)
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".md"))) {
      files++;
      const bytes = readFileSync(path.join(dir, f));
      const split = splitPost(new TextDecoder().decode(bytes));
      const at = frontMatterByteEnd(bytes);
      if (split.kind !== "closed") assert.equal(at, -1, f);
      else assert.equal(splitPost(new TextDecoder().decode(bytes.subarray(0, at))).bodyLineOffset, split.bodyLineOffset, f);
    }
  assert.ok(files > 90);
});

test("a body surely has text only when its first byte after white space is ASCII and cannot open a comment", () => {
  const has = (s: string): boolean => bodySurelyHasText(Buffer.from(s, "utf8"), 0);
  assert.equal(has("  \n\tword"), true);
  assert.equal(has("\r\n**Ilya:** 你好"), true);
  assert.equal(has(""), false);
  assert.equal(has(" \n\t "), false);
  assert.equal(has("<!-- a comment only -->"), false, "only its text can tell");
  assert.equal(has("\u3000\u00a0"), false, "Unicode white space is read, not guessed");
  assert.equal(has("正文"), false, "not ASCII: read");
});
