import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BROKEN_YAML_POST, checkHere, corpusDir, root, runScript, tempDir } from "../helpers.js";

// Most checks run in this process (checkHere: the command as a function, src/check/command.ts); the
// first test and the one about where paths are resolved from run the command line itself, for its
// exit code, its output streams and npm's INIT_CWD.

const badDir = path.join(root, "test/fixtures/bad-frontmatter");
const rel = (f: string): string => path.relative(root, path.join(badDir, f));

test("check lists all five front-matter problems of a folder, one line each, and exits 1", () => {
  const r = runScript("check.ts", [badDir]);
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.trim().split("\n");
  const diag = lines.filter((l) => /^\S+:\d+:\d+ (error|warning) /.test(l));
  assert.deepEqual(
    diag.map((l) => l.split(" ").slice(0, 3).join(" ")),
    [
      `${rel("bad-date.md")}:3:1 error value-invalid`,
      `${rel("broken-yaml.md")}:4:10 error yaml-syntax`,
      `${rel("missing-title.md")}:1:1 error key-missing`,
      `${rel("misspelled-key.md")}:4:1 error key-misspelled`,
      `${rel("tags-map.md")}:4:1 error value-invalid`,
    ],
  );
  assert.match(lines.at(-1)!, /^check failed: 5 errors, 0 warnings in 5 files$/);
  assert.match(r.stdout, /did you mean 'tags'\?/);
  assert.match(r.stdout, /'2025-02-30' is not a real calendar date/);
});

test("check --format=json is one parseable document; --format=github prints annotations", async () => {
  const json = await checkHere([badDir, "--format=json"]);
  const report = JSON.parse(json.stdout) as { errors: number; warnings: number; files: number; diagnostics: { file: string; line: number; rule: string }[] };
  assert.equal(report.errors, 5);
  assert.equal(report.files, 5);
  assert.ok(report.diagnostics.every((d) => d.file && d.line > 0 && d.rule));
  const gh = await checkHere([badDir, "--format=github"]);
  const annotations = gh.stdout.split("\n").filter((l) => l.startsWith("::"));
  assert.equal(annotations.length, 5);
  assert.match(annotations[0]!, /^::error file=test\/fixtures\/bad-frontmatter\/bad-date\.md,line=3,col=1,title=value-invalid::/);
});

test("check on the real corpus: exactly one error, the broken-YAML post, at line 11", async () => {
  const r = await checkHere([corpusDir]);
  assert.equal(r.status, 1);
  const errors = r.stdout.split("\n").filter((l) => /^\S+:\d+:\d+ error /.test(l));
  assert.equal(errors.length, 1, errors.join("\n"));
  assert.match(errors[0]!, new RegExp(`${BROKEN_YAML_POST}:11:1 error yaml-syntax .*YAML lists use '-'`));
});

test("file names starting with '-' are checked when passed after --; usage errors exit 2", async () => {
  const dir = tempDir("check");
  copyFileSync(path.join(corpusDir, "tiny-gtgt-UR1-u_FgCV8.md"), path.join(dir, "--R5xlV9KHE.md"));
  const r = await checkHere(["--", path.join(dir, "--R5xlV9KHE.md")]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /check passed: 0 errors/);
  assert.equal((await checkHere(["--format=xml"])).status, 2);
  assert.equal((await checkHere([path.join(dir, "missing")])).status, 2);
});

test("slugs equal but for letter case are reported; binary and non-UTF-8 files are errors, not crashes", async () => {
  const dir = tempDir("check");
  const post = "---\ntitle: t\ndate: 2025-01-01\n---\n正文\n\n<details>\n<summary>Original English</summary>\n\nText\n\n</details>\n";
  writeFileSync(path.join(dir, "abc.md"), post);
  writeFileSync(path.join(dir, "ABC.md"), post);
  writeFileSync(path.join(dir, "binary.md"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
  writeFileSync(path.join(dir, "gbk.md"), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xc4, 0xe3, 0xba, 0xc3, 0x0a]));
  writeFileSync(path.join(dir, "empty.md"), "");
  const r = await checkHere([dir]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /abc\.md:1:1 warning slug-case .*ABC/);
  assert.match(r.stdout, /binary\.md:1:1 error file-binary/);
  assert.match(r.stdout, /gbk\.md:1:1 error file-encoding .*UTF-8/);
  assert.match(r.stdout, /empty\.md:1:1 error file-empty/);
  assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at /, "no stack trace");
});

test("check resolves paths from where it was run, as build does, and reports them as given", async () => {
  const where = tempDir("check-cwd");
  const posts = path.join(where, "my posts");
  mkdirSync(posts);
  copyFileSync(path.join(badDir, "bad-date.md"), path.join(posts, "bad-date.md"));
  const r = runScript("check.ts", ["my posts"], { INIT_CWD: where });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^my posts\/bad-date\.md:3:1 error value-invalid/m);
  // The command as a function, from a folder that is not the process's working directory.
  const here = await checkHere(["my posts"], where);
  assert.equal(here.status, 1, here.stderr);
  assert.equal(here.stdout, r.stdout);
  rmSync(where, { recursive: true, force: true });
});

test("check ends with totals per rule and lists skipped files; --rule and --ignore choose what is shown, and the exit code follows it", async () => {
  const dir = tempDir("check-rules");
  for (const f of ["bad-date.md", "misspelled-key.md"]) copyFileSync(path.join(badDir, f), path.join(dir, f));
  writeFileSync(path.join(dir, "cased.md"), "---\nTitle: t\ndate: 2025-01-01\ndraft: 'yes'\n---\n正文\n");
  writeFileSync(path.join(dir, "LOUD.MD"), "---\ntitle: t\ndate: 2025-01-01\n---\n正文\n");
  const all = await checkHere([dir]);
  assert.equal(all.status, 1, all.stderr);
  const lines = all.stdout.trim().split("\n");
  const totals = lines.slice(lines.indexOf("totals by rule:") + 1, -1).map((l) => l.trim().split(/\s+/).join(" "));
  assert.deepEqual(totals, ["error key-misspelled 1", "error value-invalid 1", "warning boolean-quoted 1", "warning key-case 1"]);
  assert.match(lines.at(-1)!, /^check failed: 2 errors, 2 warnings in 3 files; not read: .*LOUD\.MD \(the extension must be lowercase \.md\)$/);

  const ignored = await checkHere([dir, "--ignore=key-misspelled", "--ignore=value-invalid"]);
  assert.equal(ignored.status, 0, "ignored errors do not fail");
  assert.doesNotMatch(ignored.stdout, /^\S+:\d+:\d+ error /m);
  assert.match(ignored.stdout, /check passed: 0 errors, 2 warnings in 3 files; not shown \(--rule\/--ignore\): 2 errors, 0 warnings/);
  const only = await checkHere([dir, "--rule=key-case", "--strict"]);
  assert.equal(only.status, 1, "a shown warning fails under --strict");
  assert.deepEqual(only.stdout.split("\n").filter((l) => /^\S+:\d+:\d+ (error|warning) /.test(l)).map((l) => l.split(" ")[2]), ["key-case"]);

  const unknown = await checkHere([dir, "--rule=key-cas"]);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown rule id 'key-cas'; known rule ids: .*key-case.*yaml-syntax/);
  assert.equal(unknown.stdout, "");
  rmSync(dir, { recursive: true, force: true });
});
