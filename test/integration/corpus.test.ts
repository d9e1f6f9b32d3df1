import { before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { readFrontMatter } from "../../src/frontmatter/read.js";
import { BROKEN_YAML_POST, corpusDir, corpusSite, PREFS_SCRIPT } from "../helpers.js";
import { hanRuns, missingText, visibleSourceText } from "../text-runs.js";
import { brokenLinks } from "../links.js";
import { invalidHtml } from "../html-validity.js";

let site = "";
const posts = readdirSync(corpusDir).filter((f) => f.endsWith(".md") && f !== BROKEN_YAML_POST);
const pages = new Map<string, HTMLElement>();

before(() => {
  site = corpusSite("plain").site;
  for (const f of posts) pages.set(f, parse(readFileSync(path.join(site, "posts", path.basename(f, ".md"), "index.html"), "utf8")));
});

test("all 59 real posts with valid front matter build", () => {
  assert.equal(posts.length, 59);
  assert.equal(pages.size, 59);
});

test("nothing lost: every Chinese run and English word of each source is in its page's text", () => {
  const failures: string[] = [];
  for (const f of posts) {
    const body = readFrontMatter(readFileSync(path.join(corpusDir, f), "utf8")).body;
    const main = pages.get(f)!.querySelector("main")!;
    const lost = missingText(body, main.text);
    if (lost.han.length || lost.words.length) failures.push(`${f}: ${lost.han.length} Chinese runs (${lost.han.slice(0, 3).join(" | ")}), ${lost.words.length} words (${lost.words.slice(0, 8).join(" ")})`);
  }
  assert.deepEqual(failures, []);
});

test("translation is never swallowed into a collapsed original", () => {
  const swallowed: string[] = [];
  for (const [f, doc] of pages) {
    for (const d of doc.querySelectorAll(".t > details")) {
      if (d.querySelector("p")?.getAttribute("lang")?.startsWith("zh")) continue;
      const longRuns = hanRuns(d.querySelectorAll("p").map((p) => p.text).join(" ")).filter((r) => r.length >= 8);
      if (longRuns.length) swallowed.push(`${f}: ${d.parentNode?.id}: ${longRuns[0]}`);
    }
  }
  assert.deepEqual(swallowed, []);
});

test("with every English original collapsed, all Chinese text of the source is still visible", () => {
  const hanCount = (t: string): number => hanRuns(t).reduce((n, r) => n + r.length, 0);
  const short: string[] = [];
  for (const f of posts) {
    const body = readFrontMatter(readFileSync(path.join(corpusDir, f), "utf8")).body;
    // Our own labels ("英文原文", "原文为空") are not source text.
    const transcript = pages.get(f)!.querySelector(".transcript")!.clone() as HTMLElement;
    for (const label of transcript.querySelectorAll("summary, .missing")) label.remove();
    let hidden = 0;
    for (const d of transcript.querySelectorAll(".t > details").filter((d) => d.querySelector("p")?.getAttribute("lang") === "en")) {
      // A Chinese speaker label on an English original (`**主持人**: And …`) is expected there.
      const label = d.querySelector(".sp")?.text ?? "";
      hidden += hanCount(d.text) - hanCount(label);
    }
    const expected = hanCount(visibleSourceText(body));
    const total = hanCount(transcript.text);
    if (hidden > 8 || total < expected) short.push(`${f}: ${hidden} Chinese characters hidden in English originals; ${total} of ${expected} on the page`);
  }
  // A plain Eleventy build hides most of close-corrupt-zh-ywhugJuzcyE.md's translation in one English block.
  assert.deepEqual(short, []);
});

test("no page carries a script, event handler or inline style that came from post text", () => {
  for (const [f, doc] of pages) {
    for (const s of doc.querySelectorAll("script")) {
      const ours = s.getAttribute("src")?.startsWith("/assets/") || s.getAttribute("type") === "application/ld+json" || s.innerHTML === PREFS_SCRIPT;
      assert.ok(ours, `${f}: a script that is not the site's own: ${s.outerHTML.slice(0, 80)}`);
    }
    const transcript = doc.querySelector(".transcript");
    if (!transcript) continue;
    for (const el of transcript.querySelectorAll("*")) {
      for (const name of Object.keys(el.attributes)) assert.ok(!/^on|^style$/i.test(name), `${f}: ${el.tagName} has ${name}`);
    }
  }
});

test("every original is a native <details> with a language; every turn and section has an id", () => {
  for (const [f, doc] of pages) {
    // Every paragraph of an original carries its language (the details and summary are the page's).
    for (const d of doc.querySelectorAll(".t > details")) for (const p of d.querySelectorAll("p:not(.missing)")) assert.match(p.getAttribute("lang") ?? "", /^(en|zh-CN)$/, f);
    const turnIds = doc.querySelectorAll(".t").map((t) => t.id);
    assert.ok(turnIds.every((id, i) => id === `t-${i + 1}`), f);
    assert.ok(doc.querySelectorAll(".transcript > section").every((s) => /^s-\d+$/.test(s.id)), f);
  }
  const chinese = pages.get("summary-original-chinese-59sLo-Z3U6Y.md")!;
  assert.ok(chinese.querySelectorAll(".t > details").length > 0);
});

test("every internal link, asset and fragment of every page resolves", () => {
  assert.deepEqual(brokenLinks(site).slice(0, 20), []);
});

test("every page is valid HTML (html-validate, project rules)", async () => {
  assert.deepEqual((await invalidHtml(site)).slice(0, 20), []);
});
