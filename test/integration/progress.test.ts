import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { build } from "../../src/build/build.js";
import { BuildProgress } from "../../src/build/progress.js";
import { resolveOptions } from "../../src/options.js";
import { FIXTURE_SITE_FILE, moreCorpusDir, tempDir } from "../helpers.js";

const POSTS = ["zh-only-ReSHs4qKqO8.md", "zh-only-DcibeCh1aZ4.md", "zh-only-4qpBzE19WRs.md"];

interface Reported {
  seconds: number;
  phase: string;
  postsRead: string;
  pages: number;
  parts?: [number, number];
}

const PROGRESS = /^progress (\d+) s: ([a-z ]+); posts read (\d+|…), pages written (\d+)(?:, search index parts (\d+)\/(\d+))?$/;

function parse(line: string): Reported {
  const m = PROGRESS.exec(line);
  assert.ok(m, `a progress line: ${JSON.stringify(line)}`);
  return { seconds: Number(m[1]), phase: m[2]!, postsRead: m[3]!, pages: Number(m[4]), ...(m[5] ? { parts: [Number(m[5]), Number(m[6])] as [number, number] } : {}) };
}

test("the build reports progress in plain lines at the interval it is given: posts read, pages written, search parts", async () => {
  const input = path.join(tempDir("progress"), "posts");
  mkdirSync(input);
  for (const f of POSTS) copyFileSync(path.join(moreCorpusDir, f), path.join(input, f));
  const output = path.join(tempDir("progress-site"), "site");
  const lines: Array<{ at: number; line: string }> = [];
  const started = performance.now();
  const result = await build({
    site: resolveOptions({ input, siteFile: FIXTURE_SITE_FILE, env: {} }),
    search: true,
    searchPostsPerPart: 1,
    output,
    pathPrefix: "/",
    strict: false,
    // Short: the three one-post parts are indexed two at a time, and the last can end within a
    // tenth of a second of the first two, so a longer interval could see no part done before the
    // indexing ends (the interval itself is the unit test's, with its own clock).
    progressIntervalMs: 25,
    log: (line) => lines.push({ at: performance.now() - started, line }),
  });
  assert.equal(result.ok, true, lines.map((l) => l.line).join("\n"));
  assert.ok(existsSync(path.join(output, "pagefind-3")), "three search parts");
  const progress = lines.filter((l) => l.line.startsWith("progress "));
  for (const { line } of lines) assert.doesNotMatch(line, /[\r\n\u001b]/, "one plain line per report, no carriage returns or escapes");
  const reports = progress.map((l) => parse(l.line));
  assert.ok(reports.length >= 3, lines.map((l) => l.line).join("\n"));
  for (let i = 1; i < reports.length; i++) {
    assert.ok(reports[i]!.seconds >= reports[i - 1]!.seconds && reports[i]!.pages >= reports[i - 1]!.pages, "time and counts only grow");
  }
  const phases = new Set(reports.map((r) => r.phase));
  assert.ok(phases.has("indexing search"), [...phases].join(", "));
  const indexing = reports.filter((r) => r.phase === "indexing search");
  assert.ok(indexing.every((r) => r.postsRead === "3" && r.pages > 3 && (r.parts === undefined || r.parts[1] === 3)), JSON.stringify(indexing));
  assert.ok(indexing.some((r) => r.parts !== undefined && r.parts[0] > 0), `parts done are reported: ${JSON.stringify(indexing)}`);
  // Reports keep coming while the build works; how regularly is the unit test's (with its own clock): here
  // synchronous steps of a loaded machine may hold the timer back for a moment.
  const indexedAt = lines.findIndex((l) => l.line.startsWith("search index:"));
  assert.ok(progress.filter((l) => l.at < lines[indexedAt]!.at).length >= 3, "several reports before the index is done");
});

test("BuildProgress reports when an interval has passed, from the timer or from the work, and never after stop", () => {
  let now = 0;
  const lines: string[] = [];
  // A timer far in the future: the clock below drives every report.
  const progress = new BuildProgress((l) => lines.push(l), 10_000, () => now);
  progress.pageWritten();
  assert.deepEqual(lines, [], "nothing before the timer is started");
  progress.start();
  now = 5_000;
  progress.pageWritten();
  assert.deepEqual(lines, []);
  now = 9_500;
  progress.phase("writing pages");
  progress.postsDone(9000);
  assert.deepEqual(lines, ["progress 10 s: writing pages; posts read …, pages written 2"], "reported once, a little before the interval is over");
  now = 21_000;
  progress.searchPart(1, 18);
  assert.equal(lines.at(-1), "progress 21 s: writing pages; posts read 9000, pages written 2, search index parts 1/18");
  progress.stop();
  now = 60_000;
  progress.pageWritten();
  assert.equal(lines.length, 2, "quiet once stopped");
});
