import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser } from "playwright-core";
import { buildCorpus } from "../helpers.js";
import { serveStatic, type StaticServer } from "../static-server.js";
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

before(async () => {
  if (skip) return;
  server = await serveStatic(buildCorpus("axe").site);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Representative pages: every template of the site, in light and dark colour schemes.
const PAGES = ["/", "/page/2/", "/posts/seed-ilya-sutskever-aR20FWCCjAs/", "/posts/newfmt-hidden-padding-HwmwyBgzj8c/", "/tags/", "/tags/llm/", "/speakers/", "/archive/", "/archive/2025/", "/404.html", "/search/?q=泛化"];

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe-core finds no violations (${colorScheme} scheme)`, { skip }, async () => {
    const failures: string[] = [];
    for (const url of PAGES) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme });
      await page.goto(server.url + url);
      if (url.startsWith("/search/")) await page.waitForSelector("html[data-search-ready]");
      // Open every original so their text is audited too (contrast in particular).
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => d.setAttribute("open", "")));
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
        return (await axe.run(document, { resultTypes: ["violations"] })).violations;
      });
      for (const v of violations) failures.push(`${url}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(", ")}`);
      await page.close();
    }
    assert.deepEqual(failures, []);
  });
}
