import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser } from "playwright-core";
import { corpusSite } from "../helpers.js";
import { serveStatic, type StaticServer } from "../../src/serve/static-server.js";
import { browserSkipReason, launch } from "./chromium.js";

const skip = browserSkipReason();
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
let browser: Browser;
let server: StaticServer;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Representative pages: every template of the site, in light and dark colour schemes. The post
 * template twice: the seed post (a glossary, bold speaker labels) and a post of the new format
 * (English as Markdown inside its <details>, `>>` lines) that is broken (it ends inside an open
 * <details>). Not the corpus's largest new-format post (4,700 elements, 540 originals opened): the
 * same elements and classes, and as much of axe-core's time as all the other pages together.
 */
const PAGES = ["/", "/page/2/", "/posts/seed-ilya-sutskever-aR20FWCCjAs/", "/posts/newfmt-mismatch-hucodhEMlNk/", "/tags/", "/tags/llm/", "/speakers/", "/archive/", "/archive/2025/", "/404.html", "/search/?q=泛化"];
const SCHEMES = ["light", "dark"] as const;

/**
 * The rules whose answer depends on the colours, which are all a scheme changes: the pages' elements,
 * names, roles and text are the same in both, so the dark scheme is audited with these rules only
 * (every rule in the light scheme). The others cost about two fifths of axe-core's time on a page.
 */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"]; // axe-core's cat.color rules on by default (not the AAA color-contrast-enhanced)

/**
 * Every violation axe-core finds on the pages in one colour scheme, one line each (in the dark
 * scheme, by the rules that read colours). One tab goes from
 * page to page: each page is a new document, audited as it loads, and the tab's renderer is started
 * once instead of for each page (a new tab costs about 0.15 core-seconds before its page loads).
 */
async function audit(colorScheme: (typeof SCHEMES)[number]): Promise<string[]> {
  const failures: string[] = [];
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme });
  for (const url of PAGES) {
    await page.goto(`${server.url}/repo${url}`);
    if (url.startsWith("/search/")) await page.waitForSelector("html[data-search-ready]");
    // Open every original so their text is audited too (contrast in particular).
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => d.setAttribute("open", "")));
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async (options) => {
      const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
      return (await axe.run(document, { resultTypes: ["violations"], ...options })).violations;
    }, colorScheme === "light" ? {} : { runOnly: { type: "rule", values: COLOUR_RULES } });
    for (const v of violations) failures.push(`${url}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(", ")}`);
  }
  await page.close();
  return failures;
}

// Both schemes are audited at once, each in its own pages (axe-core runs in each page's renderer
// process, so the two use both cores); each test reports its own scheme.
const audits = new Map<string, Promise<string[]>>();

before(async () => {
  if (skip) return;
  // The shared corpus build under /repo/, with search (the search page is audited with results).
  const { site, pathPrefix } = corpusSite("repo");
  server = await serveStatic(site, { pathPrefix });
  browser = await launch();
  for (const scheme of SCHEMES) {
    const result = audit(scheme);
    result.catch(() => {}); // reported by its test
    audits.set(scheme, result);
  }
});

after(async () => {
  await Promise.allSettled(audits.values());
  await browser?.close();
  await server?.close();
});

for (const colorScheme of SCHEMES) {
  test(`axe-core finds no violations (${colorScheme} scheme)`, { skip }, async () => {
    assert.deepEqual(await audits.get(colorScheme), []);
  });
}
