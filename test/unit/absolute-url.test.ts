/** absoluteUrl joins paths itself (fast) and must agree with the HTML base plugin's joining everywhere. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { absoluteUrl, readableDate } from "../../src/eleventy/filters-plugin.js";

test("absoluteUrl gives what the HTML base plugin gives, for every kind of URL, origin and prefix", () => {
  const urls = ["/", "/posts/aR20FWCCjAs/", "/tags/ai%20safety/", "/posts/-x_y/#t-3", "/search/?q=泛化", "/tags/台积电/", "https://example.org/a", "//cdn.example/x", "relative/", "/feed.xml"];
  for (const siteUrl of ["https://example.github.io", "https://example.github.io/", "http://localhost:8080", "https://user.github.io/base/"]) {
    for (const pathPrefix of ["/", "/repo/", "/repo", ""]) {
      for (const url of urls) {
        assert.equal(absoluteUrl(siteUrl, pathPrefix, url), HtmlBasePlugin.applyBaseToUrl(url, siteUrl, { pathPrefix }), `${siteUrl} ${pathPrefix} ${url}`);
      }
    }
  }
});

test("readableDate formats each date once and the same every time", () => {
  assert.equal(readableDate("2025-11-25"), "2025年11月25日");
  assert.equal(readableDate("2025-11-25"), "2025年11月25日");
  assert.equal(readableDate("2024-01-05"), "2024年1月5日");
});
