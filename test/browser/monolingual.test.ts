/**
 * Chinese-only posts (no originals at all; two thirds of a real archive) in a real browser: whatever
 * view mode a reader remembered from a bilingual post, all of the text stays visible, and there is
 * no view control to switch, only the theme.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { readFrontMatter } from "../../src/frontmatter/read.js";
import { corpusSite, moreCorpusDir } from "../helpers.js";
import { missingText } from "../text-runs.js";
import { serveStatic, type StaticServer } from "../../src/serve/static-server.js";
import { browserSkipReason, launch } from "./chromium.js";

const skip = browserSkipReason();
const MODES = ["collapsed", "open", "side", "zh", "en"] as const;
/** The modes that hide some text of a bilingual post. */
const HIDING_MODES = ["zh", "en"] as const;
/** The Chinese-only posts of the fixtures that have a page (one of them is empty: no page). */
const chineseOnly = readdirSync(moreCorpusDir)
  .filter((f) => f.endsWith(".md") && !readFileSync(path.join(moreCorpusDir, f), "utf8").includes("<details"))
  .map((f) => path.basename(f, ".md"));
let browser: Browser;
let server: StaticServer;
let site = "";

before(async () => {
  if (skip) return;
  site = corpusSite("more").site;
  server = await serveStatic(site);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** What a reader sees of a post with a remembered view mode. */
interface Seen {
  /** The transcript's text as shown (innerText: what CSS hides is left out). */
  text: string;
  /** View mode controls offered. */
  viewControls: number;
  /** Whether the theme control is shown. */
  themeShown: boolean;
  /** The view mode saved, after the page has run. */
  saved: string | null;
}

/**
 * The post `slug` opened with the view mode `mode` remembered, read in one evaluation in the page's
 * own world once it has loaded (reader.js, a module, has run by then: it marks its controls ready).
 * Not through Playwright's locators: each new document would receive Playwright's own script for
 * them first, about a third of the browser's and the renderer's work for each page here.
 */
async function visit(page: Page, slug: string, mode: string): Promise<Seen> {
  await page.evaluate((m) => localStorage.setItem("view", m), mode);
  await page.goto(`${server.url}/posts/${slug}/`);
  const seen = await page.evaluate(() => {
    if (!document.querySelector(".reader-controls[data-ready]")) return undefined;
    const theme = document.querySelector('select[name="theme"]');
    return {
      text: (document.querySelector(".transcript") as HTMLElement).innerText,
      viewControls: document.querySelectorAll('input[name="view"]').length,
      themeShown: theme !== null && theme.checkVisibility({ visibilityProperty: true }) && theme.getBoundingClientRect().width > 0,
      saved: localStorage.getItem("view"),
    };
  });
  assert.ok(seen, `${slug}: the reader's script ran when the page had loaded`);
  return seen;
}

test("the fixtures hold at least 19 Chinese-only posts with pages", { skip }, () => {
  const built = chineseOnly.filter((slug) => readdirSync(path.join(site, "posts")).includes(slug));
  assert.ok(built.length >= 19, `${built.length} of ${chineseOnly.length}`);
});

test("every Chinese-only post keeps all its text under every remembered view mode, and offers no view control", { skip }, async () => {
  // The modes that hide text (translation only hides originals, original only hides translations)
  // on every post, since what they could hide depends on the post's text; the modes that only open
  // or arrange originals on the first post. Under each, every Chinese run and English word of the
  // source is on the screen (test/text-runs.ts), and the text is the same in every mode checked: one
  // page load a mode, with no load of the default mode only to compare (a third of the renderer's
  // work, the most of this test's cost). Two pages at a time.
  const built = new Set(readdirSync(path.join(site, "posts")));
  const slugs = chineseOnly.filter((slug) => built.has(slug));
  const checks = slugs.flatMap((slug, i) => (i === 0 ? MODES : HIDING_MODES).map((mode) => ({ slug, mode })));
  const texts = new Map<string, { mode: string; text: string }>();
  const worker = async (): Promise<void> => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/`);
    for (let check = checks.shift(); check; check = checks.shift()) {
      const { slug, mode } = check;
      const { text, viewControls, themeShown, saved } = await visit(page, slug, mode);
      assert.ok(text.length > 100, `${slug}: the transcript has text`);
      const body = readFrontMatter(readFileSync(path.join(moreCorpusDir, `${slug}.md`), "utf8")).body;
      assert.deepEqual(missingText(body, text), { han: [], words: [] }, `${slug} in remembered mode '${mode}': every run of its text is shown`);
      const first = texts.get(slug);
      if (first) assert.equal(text, first.text, `${slug}: the same text in remembered mode '${mode}' as in '${first.mode}'`);
      else texts.set(slug, { mode, text });
      assert.equal(viewControls, 0, `${slug}: no view modes to choose`);
      assert.equal(themeShown, true, `${slug}: the theme control stays`);
      assert.equal(saved, mode, "the reader's choice is kept for bilingual posts");
    }
    await page.close();
  };
  await Promise.all([worker(), worker()]);
  assert.ok(slugs.length >= 19);
  assert.equal(texts.size, slugs.length, "every post was checked");
});
