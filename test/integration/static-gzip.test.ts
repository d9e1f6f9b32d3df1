/** The static server (npm run preview, the browser tests, the search benchmark) sends text gzipped, as GitHub Pages does. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { request } from "node:http";
import { gunzipSync } from "node:zlib";
import { GzipCache, serveStatic } from "../../src/serve/static-server.js";
import { tempDir } from "../helpers.js";

const get = (url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> =>
  new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });

test("text goes gzipped to a client that accepts gzip, and as it is to one that does not; Pagefind's files (gzipped already) as they are", async () => {
  const dir = tempDir("static-gzip");
  mkdirSync(path.join(dir, "posts/a"), { recursive: true });
  const html = `<!doctype html><title>a</title><p>${"文字 text ".repeat(500)}</p>`;
  writeFileSync(path.join(dir, "posts/a/index.html"), html);
  writeFileSync(path.join(dir, "a.pf_fragment"), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
  writeFileSync(path.join(dir, "404.html"), "missing");
  const server = await serveStatic(dir);
  try {
    const zipped = await get(`${server.url}/posts/a/`, { "accept-encoding": "gzip, deflate, br" });
    assert.equal(zipped.status, 200);
    assert.equal(zipped.headers["content-encoding"], "gzip");
    assert.ok(zipped.body.length < Buffer.byteLength(html) / 4, `${zipped.body.length} bytes sent`);
    assert.equal(gunzipSync(zipped.body).toString("utf8"), html);
    const plain = await get(`${server.url}/posts/a/`, {});
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.equal(plain.body.toString("utf8"), html);
    const binary = await get(`${server.url}/a.pf_fragment`, { "accept-encoding": "gzip" });
    assert.equal(binary.headers["content-encoding"], undefined, "Pagefind's files are gzipped already");
    assert.deepEqual([...binary.body], [0x1f, 0x8b, 1, 2, 3]);
  } finally {
    await server.close();
  }
});

test("a page changed on disk is sent as it now is: the server keeps a file's gzip only while its size and time stay the same", async () => {
  const dir = tempDir("static-gzip-changed");
  const file = path.join(dir, "index.html");
  writeFileSync(file, `<p>${"一".repeat(3000)}</p>`);
  const server = await serveStatic(dir);
  try {
    const first = await get(`${server.url}/`, { "accept-encoding": "gzip" });
    assert.equal(gunzipSync(first.body).toString("utf8"), `<p>${"一".repeat(3000)}</p>`);
    // The same size, another time (a rebuild that wrote other bytes of the same length).
    writeFileSync(file, `<p>${"二".repeat(3000)}</p>`);
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    assert.equal(gunzipSync((await get(`${server.url}/`, { "accept-encoding": "gzip" })).body).toString("utf8"), `<p>${"二".repeat(3000)}</p>`);
  } finally {
    await server.close();
  }
});

test("the gzip cache compresses a file once while it is unchanged, and keeps at most its budget, dropping the least recently served", async () => {
  const cache = new GzipCache(2000);
  const dir = tempDir("gzip-cache");
  /** The cache's gzip of a file of `bytes` named `name`, as stat gives its time: written there first. */
  const get = (name: string, mtimeMs: number, bytes: Buffer): Promise<Buffer> => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return cache.get(file, mtimeMs, bytes.length);
  };
  const a = Buffer.from("甲".repeat(4000));
  const b = Buffer.from(`${"乙".repeat(2000)}${"x".repeat(2000)}`);
  const gzA = await get("a", 1, a);
  assert.equal(gunzipSync(gzA).toString("utf8"), a.toString("utf8"));
  assert.equal(await get("a", 1, a), gzA, "unchanged: the same compressed bytes, not compressed again");
  assert.notEqual(await get("a", 2, a), gzA, "another modification time: compressed again");
  const random = randomBytes(3000);
  const gzR = await get("random", 1, random);
  assert.ok(gzR.length > 2000, "a file whose gzip is over the budget is sent, not kept");
  assert.notEqual(await get("random", 1, random), gzR);
  const gzA2 = await get("a", 2, a);
  await get("b", 1, b);
  assert.equal(await get("a", 2, a), gzA2, "both fit the budget");
  for (let i = 0; i < 4; i++) await get(`other-${i}`, 1, randomBytes(800));
  assert.notEqual(await get("a", 2, a), gzA2, "dropped once the budget was spent on files served since");
});
