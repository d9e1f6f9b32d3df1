import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readFrontMatter } from "../../src/frontmatter/read.js";
import { today } from "../../src/scaffold.js";
import { runScript } from "../helpers.js";

test("npm run new scaffolds a valid post with a pinyin slug and never overwrites", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "new-"));
  const r = runScript("new-post.ts", ["压缩即智能：AGI 之路", `--dir=${dir}`]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(readdirSync(dir), ["ya-suo-ji-zhi-neng-agi-zhi-lu.md"]);
  const file = path.join(dir, "ya-suo-ji-zhi-neng-agi-zhi-lu.md");
  const text = readFileSync(file, "utf8");
  const fm = readFrontMatter(text);
  assert.deepEqual(fm.diagnostics, []);
  assert.equal(fm.data?.title, "压缩即智能：AGI 之路");
  assert.equal(fm.data?.date, today());
  assert.deepEqual([fm.data?.tags, fm.data?.people, fm.data?.project], [[], [], []]);
  const again = runScript("new-post.ts", ["压缩即智能：AGI 之路", `--dir=${dir}`]);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /already exists; not overwritten/);
  assert.equal(readFileSync(file, "utf8"), text, "the existing file is untouched");
  assert.equal(runScript("check.ts", [dir]).status, 0, "the new post passes the check");
  assert.equal(runScript("new-post.ts", [`--dir=${dir}`]).status, 2, "a title is required");
});
