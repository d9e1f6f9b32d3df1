import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { readFrontMatter } from "../../src/frontmatter/read.js";
import { today } from "../../src/scaffold.js";
import { MAX_POST_SLUG, postSlug, slugify, truncateSlug } from "../../src/slug.js";
import { buildHere, checkHere, corpusDir, newHere, runScript, SEED_POST, tempDir } from "../helpers.js";

test("npm run new scaffolds a valid post with a pinyin slug and never overwrites", async () => {
  const dir = tempDir("new");
  // The script itself once (its arguments and exit code); the other runs are the same command in
  // this process (test/helpers.ts newHere), sparing each the start of a new Node process.
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
  const again = await newHere(["压缩即智能：AGI 之路", `--dir=${dir}`]);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /already exists; not overwritten/);
  assert.equal(readFileSync(file, "utf8"), text, "the existing file is untouched");
  assert.equal((await checkHere([dir])).status, 0, "the new post passes the check");
  assert.equal((await newHere([`--dir=${dir}`])).status, 2, "a title is required");
});

test("a scaffold not yet filled in is a warning at its body and is left out of the site, not published as an empty page", async () => {
  const dir = tempDir("new-empty");
  assert.equal((await newHere(["空白草稿", `--dir=${dir}`])).status, 0);
  copyFileSync(path.join(corpusDir, SEED_POST), path.join(dir, "seed.md"));
  const [file] = readdirSync(dir).filter((f) => f !== "seed.md");
  const check = await checkHere([dir]);
  assert.equal(check.status, 0, check.stdout);
  const bodyLine = readFileSync(path.join(dir, file!), "utf8").split("\n").indexOf("---", 1) + 2;
  assert.match(check.stdout, new RegExp(`${file!.replace(".", "\\.")}:${bodyLine}:1 warning post-empty .*left out of the site`));
  const out = path.join(tempDir("new-empty-site"), "site");
  const r = await buildHere([`--input=${dir}`, `--output=${out}`], { NO_SEARCH: "1" });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(existsSync(path.join(out, "posts/seed/index.html")), "the other post is built");
  assert.ok(!existsSync(path.join(out, "posts", path.basename(file!, ".md"))), "the empty scaffold has no page");
});

test("npm run new: slugs of at most 60 characters, cut between pinyin syllables or words; a long real title never crashes", async () => {
  // A real title of the fixtures, and one of 60 characters whose uncut pinyin slug is longer than a file name may be.
  const real = "市场动荡：甲骨文财报重挫科技股，鲍威尔鸽派言论被掩盖，迪士尼联手OpenAI引发争议";
  const sixty = "双创时代的创新创业：中关村、张江与光谷如何重塑中国创新创业版图，庄闯两位创始人讲述创业窗口、创投与产业转型升级的双重压力";
  assert.equal([...sixty].length, 60);
  assert.ok(slugify(sixty).length > 255, "uncut, the name would be too long for the file system");
  const dir = tempDir("new-long");
  for (const title of [real, sixty, "Claude Code 和 Claude Haiku 4.5 的最新进展：网页版开发、Haiku 4.5 模型应用及智能工作流"]) {
    const r = await newHere([title, `--dir=${dir}`]);
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /ENAMETOOLONG|\n\s+at /);
    const slug = postSlug(title);
    assert.ok(slug.length <= MAX_POST_SLUG && slug.length > 40, `${slug} (${slug.length})`);
    assert.ok(slugify(title).startsWith(`${slug}-`), "a prefix of the full slug, ending where a syllable or word ends");
    assert.equal(readFrontMatter(readFileSync(path.join(dir, `${slug}.md`), "utf8")).data?.title, title, "the title is kept whole");
  }
  assert.equal(postSlug(real), "shi-chang-dong-dang-jia-gu-wen-cai-bao-zhong-cuo-ke-ji-gu");
  const tooLong = await newHere(["t", `--dir=${dir}`, `--slug=${"x".repeat(61)}`]);
  assert.equal(tooLong.status, 2);
  assert.match(tooLong.stderr, /at most 60 characters/);
  assert.equal((await newHere(["t", `--dir=${dir}`, "--slug=../escape"])).status, 2);
});

test("truncateSlug cuts at the last '-' within the limit, and a single over-long word at the limit", () => {
  assert.equal(truncateSlug("ya-suo-ji-zhi-neng", 10), "ya-suo-ji");
  assert.equal(truncateSlug("ya-suo-ji-zhi-neng", 9), "ya-suo-ji", "a cut right before a '-' keeps the syllable");
  assert.equal(truncateSlug("ya-suo", 60), "ya-suo");
  assert.equal(truncateSlug("abcdefghijkl-m", 5), "abcde");
  assert.equal(truncateSlug("abcd-efghijkl", 6), "abcd");
});
