/**
 * Post file names: the URL they become, the files a content folder's walk reads or passes over, and
 * how names from posts are printed (never a line break, a control character or a forged CI command).
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findPostFiles, loadContent, parseFile } from "../../src/content/load.js";
import { fileSlug } from "../../src/slug.js";
import { escapeText, formatGithub, formatJson, formatReport, formatSummary, formatText, summarize } from "../../src/check/report.js";
import type { Diagnostic } from "../../src/diagnostics.js";

const tmp = mkdtempSync(path.join(tmpdir(), "file-names-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

const POST = "---\ntitle: 名字\ndate: '2025-01-01'\n---\n**甲：** 正文。\n";

test("safe names are their own slugs: ids, Chinese, leading dash or underscore, dots inside", () => {
  for (const name of ["aR20FWCCjAs", "-Ab_cd", "_x", "压缩即智能", "v1.2-notes", "a b"]) assert.deepEqual(fileSlug(name), { slug: name, replaced: [] }, name);
});

test("reserved URL characters and control characters become '-', and are named for the warning", () => {
  assert.deepEqual(fileSlug("a#b"), { slug: "a-b", replaced: ["'#'"] });
  assert.deepEqual(fileSlug("q?x"), { slug: "q-x", replaced: ["'?'"] });
  assert.deepEqual(fileSlug("100%"), { slug: "100-", replaced: ["'%'"] });
  assert.deepEqual(fileSlug("%2e%2e"), { slug: "-2e-2e", replaced: ["'%'"] }, "never '..' in a URL");
  assert.deepEqual(fileSlug("back\\slash"), { slug: "back-slash", replaced: ["'\\'"] });
  assert.deepEqual(fileSlug("nl\n::error x"), { slug: "nl-::error x", replaced: ["a newline"] });
  assert.deepEqual(fileSlug("esc\u001b[31m\u0085"), { slug: "esc-[31m-", replaced: ["the control character U+001B", "the control character U+0085"] });
  assert.deepEqual(fileSlug("a#?%b"), { slug: "a-b", replaced: ["'#'", "'?'", "'%'"], }, "a run of them is one dash");
  const only = fileSlug("%%##");
  assert.match(only.slug, /^post-[0-9a-f]{8}$/, "nothing readable left: a stable slug from the name");
  assert.equal(fileSlug("%%##").slug, only.slug);
});

test("a post with an unsafe name gets the safe slug and one warning at line 1 naming its URL", () => {
  const r = parseFile(Buffer.from(POST), "/posts/a#b?.md", "/posts");
  assert.equal(r.post?.slug, "a-b-");
  const warning = r.diagnostics.find((d) => d.rule === "file-name-unsafe");
  assert.deepEqual([warning?.line, warning?.col, warning?.severity], [1, 1, "warning"]);
  assert.match(warning!.message, /contains '#' and '\?'.*published at \/posts\/a-b-\/ instead\. Rename the file to a-b-\.md\./);
  assert.equal(parseFile(Buffer.from(POST), "/posts/plain.md", "/posts").diagnostics.filter((d) => d.rule.startsWith("file-name")).length, 0);
});

test("the walk reads .md posts, reports names that are not UTF-8, and lists x.MD, hidden files and links as passed over", async () => {
  const dir = path.join(tmp, "walk");
  mkdirSync(path.join(dir, "sub"), { recursive: true });
  mkdirSync(path.join(dir, ".drafts"));
  mkdirSync(path.join(dir, "node_modules"));
  for (const name of ["ok.md", "sub/deep.md", "X.MD", "notes.txt", ".hidden.md", ".drafts/d.md", "node_modules/readme.md"]) writeFileSync(path.join(dir, name), POST);
  symlinkSync(path.join(dir, "ok.md"), path.join(dir, "link.md"));
  symlinkSync(path.join(dir, "sub"), path.join(dir, "linked-folder"));
  // Latin-1 é and a lone 0xFF: valid file names on Linux, not UTF-8.
  writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from(".md")]), POST);
  mkdirSync(Buffer.concat([Buffer.from(`${dir}/dir`), Buffer.from([0xff])]));

  const found = await findPostFiles(dir);
  assert.deepEqual(found.files.map((f) => path.relative(dir, f)), ["ok.md", "sub/deep.md"]);
  assert.deepEqual(found.skipped.map((s) => `${path.relative(dir, s.path)} ${s.reason}`), [".drafts hidden", ".hidden.md hidden", "X.MD extension-case", "link.md symlink", "linked-folder symlink"]);
  assert.deepEqual(found.undecodable.map((u) => `${path.relative(dir, u.path)} ${u.folder}`), ["caf\\xE9.md false", "dir\\xFF true"]);

  const content = await loadContent([dir], { transcripts: "check", displayBase: dir });
  assert.deepEqual(content.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line}:${d.col} ${d.rule}`), ["caf\\xE9.md:1:1 file-name-encoding", "dir\\xFF:1:1 file-name-encoding"]);
  assert.deepEqual(content.skipped.map((s) => s.file), [".drafts", ".hidden.md", "X.MD", "link.md", "linked-folder"]);
  assert.equal(content.fileCount, 3, "the two posts and the one that cannot be read");
});

const d = (over: Partial<Diagnostic>): Diagnostic => ({ file: "content/a.md", line: 1, col: 1, severity: "warning", rule: "file-name-unsafe", message: "m", ...over });
const FORGED = "x\n::error file=README.md,line=1::forged\r\n##[error]old style";

/** Lines a GitHub runner would read as workflow commands: starting with `::` after blanks, or holding `##[`. */
const commandLines = (output: string): string[] => output.split(/\r?\n|\r/).filter((l) => /^\s*::/.test(l) || l.includes("##["));

test("text output: names and messages from posts stay on one line, show control characters, and never start a command", () => {
  assert.equal(escapeText("a\nb\r\t\u001b[0m\u2028"), "a\\nb\\r\\t\\x1B[0m\\u2028");
  const line = formatText(d({ file: `posts/${FORGED}.md`, message: `see ${FORGED}` }));
  assert.equal(line.split("\n").length, 1);
  assert.deepEqual(commandLines(line), []);
  assert.ok(line.startsWith("posts/x\\n::error file=README.md,line=1::forged\\r\\n##\\[error]old style.md:1:1 warning"), line);
  // A path that itself starts with '::' is written as ./::…, the same file.
  assert.equal(formatText(d({ file: "::error file=a::b.md" })).slice(0, 22), "./::error file=a::b.md");
  assert.deepEqual(commandLines(formatText(d({ file: "  ::warning x.md" }))), []);
});

test("github output: the documented escaping of data (%, CR, LF) and properties (also ':' and ','), and nothing else a command", () => {
  const line = formatGithub(d({ file: `p/${FORGED}.md`, message: `50% ${FORGED}` }), false);
  assert.equal(line.split("\n").length, 1);
  assert.equal(line, "::warning file=p/x%0A%3A%3Aerror file=README.md%2Cline=1%3A%3Aforged%0D%0A##\\[error]old style.md,line=1,col=1,title=file-name-unsafe::50%25 x%0A::error file=README.md,line=1::forged%0D%0A##\\[error]old style");
  const report = formatReport([d({ file: `p/${FORGED}.md` })], summarize([d({})], 1, [{ file: `q/${FORGED}.MD`, reason: "extension-case" }]), "github", false);
  // The only lines that are commands are the annotations themselves (one per diagnostic).
  assert.deepEqual(commandLines(report).map((l) => l.slice(0, 11)), ["::warning f"]);
  assert.doesNotMatch(report, /##\[/);
});

test("json output parses back to the same names, with no raw line break, C1 control or ##[ in the text", () => {
  const file = `p/${FORGED}\u0085\u2028.md`;
  const json = formatJson([d({ file })], summarize([d({})], 1), false);
  assert.deepEqual(commandLines(json), []);
  assert.doesNotMatch(json, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
  assert.equal((JSON.parse(json) as { diagnostics: Diagnostic[] }).diagnostics[0]!.file, file);
});

test("the summary lists skipped files once, escaped, ten at most", () => {
  const skipped = [
    { file: "X.MD", reason: "extension-case" as const },
    { file: ".hidden.md", reason: "hidden" as const },
    { file: "link.md", reason: "symlink" as const },
    { file: `nl\n::error x.MD`, reason: "extension-case" as const },
  ];
  const line = formatSummary(summarize([], 3, skipped), false);
  assert.equal(line, "check passed: 0 errors, 0 warnings in 3 files; not read: X.MD (the extension must be lowercase .md), .hidden.md (hidden), link.md (symbolic link, not followed), nl\\n::error x.MD (the extension must be lowercase .md)");
  const many = Array.from({ length: 12 }, (_, i) => ({ file: `f${i}.MD`, reason: "extension-case" as const }));
  assert.match(formatSummary(summarize([], 0, many), false), /f9\.MD \(the extension must be lowercase \.md\), and 2 more$/);
  assert.deepEqual(summarize([], 1), { files: 1, errors: 0, warnings: 0 }, "no skipped key when nothing was skipped");
});
