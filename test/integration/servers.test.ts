/**
 * The two servers an author runs: `npm run preview` (a built site, under its path prefix) and
 * `npm start` (the dev server). Both listen on loopback, stop cleanly on SIGTERM, and the dev server
 * shows a failed build's error in place of a stale page.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { buildHere, corpusDir, FIXTURE_SITE_FILE, root, SEED_POST, tempDir } from "../helpers.js";

/** Start a script; resolves with the process once a line of its output matches `ready`. */
function start(script: string, args: string[], ready: RegExp, timeoutMs = 60_000): Promise<{ child: ChildProcess; match: RegExpExecArray; output: () => string }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", script), ...args], { cwd: root, env: { ...process.env, INIT_CWD: root }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} did not become ready:\n${output}`));
    }, timeoutMs);
    const onData = (d: Buffer): void => {
      output += d.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, output: () => output });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/** Stop a server with SIGTERM; resolves with its exit code. */
async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  return Promise.race([exited, sleep(10_000).then(() => "timeout" as const)]).then((r) => {
    if (r === "timeout") {
      child.kill("SIGKILL");
      throw new Error("the server did not stop within 10 s of SIGTERM");
    }
    return r;
  });
}

/** A free loopback port. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

test("npm run preview serves a built site under its path prefix on loopback, and stops on SIGTERM", async () => {
  const posts = path.join(tempDir("preview"), "posts");
  mkdirSync(posts);
  copyFileSync(path.join(corpusDir, SEED_POST), path.join(posts, "seed.md"));
  const site = path.join(path.dirname(posts), "site");
  // The build in this process (buildHere): the test is about the preview server, a process of its own.
  const built = await buildHere([`--input=${posts}`, `--output=${site}`, "--pathprefix=/repo/"], { NO_SEARCH: "1" });
  assert.equal(built.status, 0, built.stderr);
  assert.match(built.stderr, /to look at it: npm run preview -- --dir=\S+ --pathprefix=\/repo\//, "the build says how to look at the site");
  const { child, match } = await start("preview.ts", [`--dir=${site}`, "--pathprefix=/repo/", "--port=0"], /serving .* at (http:\/\/127\.0\.0\.1:\d+)\/repo\//);
  try {
    const origin = match[1]!;
    const post = await fetch(`${origin}/repo/posts/seed/`);
    assert.equal(post.status, 200);
    assert.match(await post.text(), /Ilya Sutskever/);
    assert.equal((await fetch(`${origin}/posts/seed/`)).status, 404, "outside the prefix is not the site");
    assert.equal((await fetch(`${origin}/repo/posts/seed`, { redirect: "manual" })).status, 301, "a folder without its slash is redirected");
  } finally {
    assert.equal(await stop(child), 0);
  }
});

test("npm run preview refuses a folder with no built site, saying what to run", async () => {
  const empty = tempDir("preview-empty");
  await assert.rejects(start("preview.ts", [`--dir=${empty}`, "--port=0"], /serving/), /no built site in .*run 'npm run build' first/);
});

test("npm start: loopback only, a broken post's error in place of the page until it is fixed, and a clean stop", async () => {
  const work = tempDir("dev");
  const posts = path.join(work, "posts");
  mkdirSync(posts);
  copyFileSync(path.join(corpusDir, SEED_POST), path.join(posts, "seed.md"));
  const port = await freePort();
  const { child, output } = await start("serve.ts", [`--input=${posts}`, `--output=${path.join(work, "out")}`, `--port=${port}`, `--site=${FIXTURE_SITE_FILE}`], /Server at http:\/\/localhost/);
  try {
    const url = `http://127.0.0.1:${port}/posts/seed/`;
    assert.equal((await fetch(url)).status, 200);
    writeFileSync(path.join(posts, "broken.md"), "---\ntitle: broken\n---\nno date\n");
    let page = await fetch(url);
    for (let i = 0; i < 100 && page.status !== 500; i++) {
      await sleep(200);
      page = await fetch(url);
    }
    assert.equal(page.status, 500, `the error page replaces the stale page:\n${output()}`);
    const html = await page.text();
    assert.match(html, /The last build failed/);
    assert.match(html, /broken\.md:\d+:\d+ error /, "with the file, line and rule of the problem");
    writeFileSync(path.join(posts, "broken.md"), "---\ntitle: fixed\ndate: 2025-01-01\n---\n正文。\n");
    for (let i = 0; i < 100 && page.status !== 200; i++) {
      await sleep(200);
      page = await fetch(url);
    }
    assert.equal(page.status, 200, "a good build brings the page back");
  } finally {
    assert.equal(await stop(child), 0);
  }
});
