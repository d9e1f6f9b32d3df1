/** The output guard: which folders a build may replace, decided on real paths before anything is touched. */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { guardOutput, isBuiltSite, isInside, OutputRefused, realPathOf, SITE_MARKER } from "../../src/build/output-guard.js";

// realpath: the temporary folder itself may be reached through a link (macOS /var → /private/var).
const tmp = realpathSync(mkdtempSync(path.join(tmpdir(), "output-guard-")));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** A fresh layout: a project folder with posts inside it, as in a real checkout. */
function layout(name: string): { project: string; posts: string; base: string } {
  const base = path.join(tmp, name);
  const project = path.join(base, "project");
  const posts = path.join(project, "content");
  mkdirSync(posts, { recursive: true });
  writeFileSync(path.join(posts, "a.md"), "---\ntitle: a\ndate: 2025-01-01\n---\n");
  writeFileSync(path.join(project, "package.json"), "{}");
  return { project, posts, base };
}

const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof OutputRefused, `an OutputRefused, not ${String(e)}`);
    assert.doesNotMatch(e.message, /\n/, "one line");
    return e.message;
  }
  assert.fail("the output was accepted");
};

test("isInside: a folder holds itself and its descendants, not siblings whose names start alike", () => {
  assert.ok(isInside("/a/b", "/a/b"));
  assert.ok(isInside("/a/b/c", "/a/b"));
  assert.ok(isInside("/a/b", "/"));
  assert.ok(!isInside("/a/bc", "/a/b"));
  assert.ok(!isInside("/a/..b", "/a/b"));
  assert.ok(!isInside("/a", "/a/b"));
});

test("the project folder, or any folder holding it, is refused", () => {
  const { project, posts } = layout("project");
  for (const output of [project, path.dirname(project), path.join(project, "..", "project"), "/"]) {
    assert.match(refusal(() => guardOutput({ output, inputs: [posts], project })), /project/, output);
  }
});

test("the posts folder, a folder holding it, or a folder inside it is refused", () => {
  // The posts outside the project, as with --input=../archive.
  const base = path.join(tmp, "outside");
  const project = path.join(base, "project");
  mkdirSync(project, { recursive: true });
  const posts = path.join(base, "archive", "posts");
  mkdirSync(path.join(posts, "sub"), { recursive: true });
  assert.match(refusal(() => guardOutput({ output: posts, inputs: [posts], project })), /is the posts folder; .*delete the posts/);
  assert.match(refusal(() => guardOutput({ output: path.dirname(posts), inputs: [posts], project })), /holds the posts folder/);
  assert.match(refusal(() => guardOutput({ output: path.join(posts, "site"), inputs: [posts], project })), /inside the posts folder/);
  assert.match(refusal(() => guardOutput({ output: path.join(posts, "sub"), inputs: [posts], project })), /inside the posts folder/);
  // A single post given as input: its folder holds it.
  assert.match(refusal(() => guardOutput({ output: posts, inputs: [path.join(posts, "a.md")], project })), /posts/);
});

test("an existing file is refused, and so is a path through a file", () => {
  const { project, posts, base } = layout("file");
  const file = path.join(base, "notes.txt");
  writeFileSync(file, "mine");
  assert.match(refusal(() => guardOutput({ output: file, inputs: [posts], project })), /is a file, not a folder/);
  assert.match(refusal(() => guardOutput({ output: path.join(file, "site"), inputs: [posts], project })), /which is a file/);
});

test("a folder of somebody's own files is refused; a new, empty, marked or older built folder is accepted", () => {
  const { project, posts, base } = layout("folders");
  const mine = path.join(base, "mine");
  mkdirSync(mine);
  writeFileSync(path.join(mine, "thesis.tex"), "…");
  assert.match(refusal(() => guardOutput({ output: mine, inputs: [posts], project })), new RegExp(`no \\${SITE_MARKER} file.*Choose a new or empty folder`));
  // An index.html alone does not make a site of ours.
  const other = path.join(base, "other-site");
  mkdirSync(other);
  writeFileSync(path.join(other, "index.html"), "<p>hand-made</p>");
  refusal(() => guardOutput({ output: other, inputs: [posts], project }));

  const fresh = path.join(base, "new", "deeper", "site");
  assert.equal(guardOutput({ output: fresh, inputs: [posts], project }), fresh);
  const empty = path.join(base, "empty");
  mkdirSync(empty);
  assert.equal(guardOutput({ output: empty, inputs: [posts], project }), empty);
  const marked = path.join(base, "marked");
  mkdirSync(marked);
  writeFileSync(path.join(marked, SITE_MARKER), "{}\n");
  writeFileSync(path.join(marked, "index.html"), "built");
  assert.equal(guardOutput({ output: marked, inputs: [posts], project }), marked);
  // A site built before the marker existed: all the files every build writes at the root.
  const legacy = path.join(base, "legacy");
  mkdirSync(path.join(legacy, "assets"), { recursive: true });
  for (const f of ["index.html", "sitemap.xml", "feed.xml", "assets/reader.js", "assets/search-query.js"]) writeFileSync(path.join(legacy, f), "x");
  assert.ok(isBuiltSite(legacy));
  assert.equal(guardOutput({ output: legacy, inputs: [posts], project }), legacy);
  // A project folder inside the output is refused even when the output carries a marker.
  writeFileSync(path.join(base, SITE_MARKER), "{}\n");
  refusal(() => guardOutput({ output: base, inputs: [posts], project }));
});

test("symbolic links are resolved before comparing: a link to the project or the posts is refused, a link to a site is followed", () => {
  const { project, posts, base } = layout("links");
  symlinkSync(project, path.join(base, "to-project"));
  symlinkSync(posts, path.join(base, "to-posts"));
  assert.match(refusal(() => guardOutput({ output: path.join(base, "to-project"), inputs: [posts], project })), /project/);
  assert.match(refusal(() => guardOutput({ output: path.join(base, "to-posts"), inputs: [posts], project })), /posts/);
  // The input given through a link is the same posts folder.
  assert.match(refusal(() => guardOutput({ output: posts, inputs: [path.join(base, "to-posts")], project })), /posts/);
  // A new folder under a link into the posts is inside the posts.
  assert.match(refusal(() => guardOutput({ output: path.join(base, "to-posts", "site"), inputs: [posts], project })), /inside the posts/);

  const real = path.join(base, "real-site");
  mkdirSync(real);
  symlinkSync(real, path.join(base, "site-link"));
  assert.equal(guardOutput({ output: path.join(base, "site-link"), inputs: [posts], project }), real, "the build works on the real folder");
  symlinkSync(path.join(base, "nowhere"), path.join(base, "broken"));
  assert.match(refusal(() => guardOutput({ output: path.join(base, "broken"), inputs: [posts], project })), /broken link/);
  assert.equal(realPathOf(path.join(base, "site-link", "a", "b")), path.join(real, "a", "b"));
});

test("the guard touches nothing: a refused folder keeps exactly its files", () => {
  const { project, posts, base } = layout("untouched");
  const mine = path.join(base, "mine");
  mkdirSync(mine);
  writeFileSync(path.join(mine, "keep.txt"), "keep");
  const before = readdirSync(base).sort();
  refusal(() => guardOutput({ output: mine, inputs: [posts], project }));
  assert.deepEqual(readdirSync(base).sort(), before);
  assert.deepEqual(readdirSync(mine), ["keep.txt"]);
});
