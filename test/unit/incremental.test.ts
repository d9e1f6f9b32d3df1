/** The page cache's keys: what they cover, and the templates' promise to read nothing else. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildFingerprint, BUILD_MANIFEST, FINGERPRINTED, MANIFEST_FORMAT, PageCache, POST_PAGE_MODEL_FIELDS, readManifest } from "../../src/build/incremental.js";
import { SITE_MARKER, SITE_MARKER_TEXT } from "../../src/build/output-guard.js";
import { root, tempDir } from "../helpers.js";
import { templatesOf } from "../templates.js";

test("post page templates read only the site model's fields that a page's key covers", () => {
  const templates = templatesOf("posts.njk");
  assert.ok([...templates.keys()].some((f) => f.endsWith("_includes/post.njk")), "the walk reaches post.njk");
  assert.ok([...templates.keys()].some((f) => f.endsWith("_includes/base.njk")), "the walk reaches base.njk");
  for (const [file, text] of templates) {
    // The pagination itself (`model.render.posts`) chooses which pages render, not what one shows.
    const body = text.replace(/data: "model\.render\.posts"/g, "");
    for (const m of body.matchAll(/\bmodel\b(\s*\.\s*(\w+)|\s*\[)?/g)) {
      const field = m[2];
      assert.ok(field !== undefined, `${path.relative(root, file)} uses 'model' other than as model.<field>: a page's key cannot follow that (src/build/incremental.ts)`);
      assert.ok((POST_PAGE_MODEL_FIELDS as readonly string[]).includes(field), `${path.relative(root, file)} reads model.${field}, which post pages' keys do not cover: add it to postContext and POST_PAGE_MODEL_FIELDS in src/build/incremental.ts`);
    }
  }
});

/** A small stand-in for the project: one file in each fingerprinted place. */
function fakeProject(): string {
  const dir = tempDir("fingerprint");
  for (const entry of FINGERPRINTED) {
    if (entry.includes(".")) writeFileSync(path.join(dir, entry), `${entry} v1`);
    else {
      mkdirSync(path.join(dir, entry, "sub"), { recursive: true });
      writeFileSync(path.join(dir, entry, "sub", "file.txt"), `${entry} v1`);
    }
  }
  return dir;
}

test("the fingerprint changes with any template, source or lock file, the settings and the path prefix, and only then", async () => {
  const projectRoot = fakeProject();
  const base = { projectRoot, settings: { title: "A" }, pathPrefix: "/" };
  const first = await buildFingerprint(base);
  assert.equal(await buildFingerprint(base), first, "same inputs, same fingerprint");
  assert.notEqual(await buildFingerprint({ ...base, settings: { title: "B" } }), first);
  assert.notEqual(await buildFingerprint({ ...base, pathPrefix: "/repo/" }), first);
  for (const f of ["_includes/sub/file.txt", "pages/sub/file.txt", "src/sub/file.txt", "_data/sub/file.txt", "package-lock.json", ".eleventy.ts"]) {
    const file = path.join(projectRoot, f);
    const before = readFileSync(file);
    writeFileSync(file, "changed");
    assert.notEqual(await buildFingerprint(base), first, `${f} changed`);
    writeFileSync(file, before);
  }
  writeFileSync(path.join(projectRoot, "_includes/sub/new.njk"), "");
  assert.notEqual(await buildFingerprint(base), first, "a template added");
});

test("the search index's code is not in the pages' fingerprint (its parts have a key of their own)", async () => {
  const projectRoot = fakeProject();
  const base = { projectRoot, settings: { title: "A" }, pathPrefix: "/" };
  mkdirSync(path.join(projectRoot, "src/search"));
  writeFileSync(path.join(projectRoot, "src/search/index-site.ts"), "v1");
  const first = await buildFingerprint(base);
  writeFileSync(path.join(projectRoot, "src/search/index-site.ts"), "v2");
  assert.equal(await buildFingerprint(base), first);
  writeFileSync(path.join(projectRoot, "src/searching.ts"), "a source whose name only starts like it");
  assert.notEqual(await buildFingerprint(base), first);
});

test("a previous site is trusted only with its marker and a manifest of this format and fingerprint", () => {
  const site = tempDir("previous-site");
  const manifest = { format: MANIFEST_FORMAT, fingerprint: "f1", pages: {}, transcripts: {} };
  writeFileSync(path.join(site, BUILD_MANIFEST), JSON.stringify(manifest));
  assert.equal(readManifest(site), undefined, "no marker: not a complete site");
  writeFileSync(path.join(site, SITE_MARKER), SITE_MARKER_TEXT);
  assert.deepEqual(readManifest(site), manifest);
  const reason = (fingerprint: string, useCache = true): string | undefined => new PageCache(site, fingerprint, new Map(), useCache).fullReason;
  assert.equal(reason("f1"), undefined);
  assert.equal(reason("f2"), "code, templates, settings or path prefix changed");
  assert.equal(reason("f1", false), "asked for a clean build");
  writeFileSync(path.join(site, BUILD_MANIFEST), JSON.stringify({ ...manifest, format: 0 }));
  assert.equal(reason("f1"), "the previous site has no build manifest");
  // A manifest of the first format kept no transcripts' findings: not trusted.
  writeFileSync(path.join(site, BUILD_MANIFEST), JSON.stringify({ format: MANIFEST_FORMAT, fingerprint: "f1", pages: {} }));
  assert.equal(reason("f1"), "the previous site has no build manifest");
});
