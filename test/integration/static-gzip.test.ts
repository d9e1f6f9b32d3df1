/** The static server (npm run preview, the browser tests, the search benchmark) sends text gzipped, as GitHub Pages does. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { request } from "node:http";
import { gunzipSync } from "node:zlib";
import { serveStatic } from "../../src/serve/static-server.js";
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
