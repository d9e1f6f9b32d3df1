import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { readFrontMatter } from "../../src/frontmatter/read.js";
import { today } from "../../src/scaffold.js";
import { corpusDir, runBuild, runScript, SEED_POST, tempDir } from "../helpers.js";

test("npm run new scaffolds a valid post with a pinyin slug and never overwrites", () => {
  const dir = tempDir("new");
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

test("a scaffold not yet filled in is a warning at its body and is left out of the site, not published as an empty page", () => {
  const dir = tempDir("new-empty");
  assert.equal(runScript("new-post.ts", ["空白草稿", `--dir=${dir}`]).status, 0);
  copyFileSync(path.join(corpusDir, SEED_POST), path.join(dir, "seed.md"));
  const [file] = readdirSync(dir).filter((f) => f !== "seed.md");
  const check = runScript("check.ts", [dir]);
  assert.equal(check.status, 0, check.stdout);
  const bodyLine = readFileSync(path.join(dir, file!), "utf8").split("\n").indexOf("---", 1) + 2;
  assert.match(check.stdout, new RegExp(`${file!.replace(".", "\\.")}:${bodyLine}:1 warning post-empty .*left out of the site`));
  const out = path.join(tempDir("new-empty-site"), "site");
  const r = runBuild([`--input=${dir}`, `--output=${out}`], { NO_SEARCH: "1" });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(existsSync(path.join(out, "posts/seed/index.html")), "the other post is built");
  assert.ok(!existsSync(path.join(out, "posts", path.basename(file!, ".md"))), "the empty scaffold has no page");
});
