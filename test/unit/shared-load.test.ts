/** The loader's shared reading (ContentLoader's `helpers`): helper threads claim chunks of files, the loading thread the rest. */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ContentLoader, type LoadedContent, type ReadHelper } from "../../src/content/load.js";
import { postFileHashes } from "../../src/build/incremental.js";

const dir = mkdtempSync(path.join(tmpdir(), "shared-load-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const POSTS = 150; // about five chunks of 32
for (let i = 0; i < POSTS; i++) {
  const n = String(i).padStart(3, "0");
  // Every tenth has a warning (a quoted name), every 25th an error (no title), the rest are clean.
  const title = i % 25 === 7 ? "" : `title: 第${n}篇\n`;
  const tags = i % 10 === 3 ? `tags: ['"AI"']\n` : "tags: [AI]\n";
  writeFileSync(path.join(dir, `p${n}.md`), `---\n${title}date: '2025-01-${String((i % 28) + 1).padStart(2, "0")}'\n${tags}---\n正文${n}。\n`);
}

/** What a load gives, as plain data (posts' enumerable fields, diagnostics, counts). */
const plain = (c: LoadedContent): unknown => JSON.parse(JSON.stringify(c));
const load = (helpers?: ReadHelper[]): Promise<LoadedContent> => new ContentLoader().load([dir], { transcripts: "lazy", displayBase: dir, ...(helpers ? { helpers } : {}) });

test("with a helper reading chunks from the end, the load is the same as one thread's, and the transcripts still read lazily", async () => {
  const alone = await load();
  assert.ok(alone.posts.length > 100 && alone.diagnostics.some((d) => d.severity === "error") && alone.diagnostics.some((d) => d.severity === "warning"), "the fixture has posts, errors and warnings");
  const other = new ContentLoader();
  let chunks = 0;
  const helper: ReadHelper = (share, owner, onChunk) =>
    setImmediate(() =>
      other.readShare(share, owner, (c, files) => {
        chunks++;
        onChunk(c, structuredClone(files)); // as across threads
      }),
    );
  const shared = await load([helper]);
  assert.ok(chunks > 0, "the helper read some chunks");
  assert.deepEqual(plain(shared), plain(alone));
  const post = shared.posts.find((p) => p.slug === "p149");
  assert.ok(post);
  assert.match(JSON.stringify(post.transcript), /正文149/, "a post the helper read has its transcript, read when asked for");
});

test("chunks a helper claimed but never sent are read by the loading thread when it fails; one that never comes is not waited for", async () => {
  const alone = await load();
  const failing: ReadHelper = (share, owner, _onChunk, onFailed) => {
    const cells = new Int32Array(share.cells);
    // Claims the last two chunks, then stops.
    for (const c of [cells.length - 1, cells.length - 2]) assert.equal(Atomics.compareExchange(cells, c, 0, owner), 0);
    setTimeout(onFailed, 20);
  };
  const never: ReadHelper = () => {};
  assert.deepEqual(plain(await load([failing, never])), plain(alone));
});

test("the loading thread waits for a chunk a helper claimed until it arrives", async () => {
  const alone = await load();
  let sent = false;
  const slow: ReadHelper = (share, owner, onChunk) => {
    const cells = new Int32Array(share.cells);
    const last = cells.length - 1;
    assert.equal(Atomics.compareExchange(cells, last, 0, owner), 0);
    const files = share.jobs.slice(last * share.chunk).map((j) => j.file);
    setTimeout(() => {
      // Read as readShare would: the claimed chunk's files, in order.
      const mine = new ContentLoader();
      const fake = { ...share, cells: new SharedArrayBuffer(share.cells.byteLength) };
      new Int32Array(fake.cells).fill(1);
      new Int32Array(fake.cells)[last] = 0;
      mine.readShare(fake, owner, (c, got) => {
        assert.deepEqual(got.map((g) => g.file), files);
        sent = true;
        onChunk(c, got);
      });
    }, 50);
  };
  const shared = await load([slow]);
  assert.ok(sent, "the load waited for the slow chunk");
  assert.deepEqual(plain(shared), plain(alone));
});

test("the hash the loader works out as it reads a file is the page cache's hash of it (postFileHashes reads none again)", async () => {
  const loader = new ContentLoader();
  const other = new ContentLoader();
  const helper: ReadHelper = (share, owner, onChunk) => setImmediate(() => other.readShare(share, owner, (c, files) => onChunk(c, structuredClone(files))));
  await loader.load([dir], { transcripts: "lazy", displayBase: dir, helpers: [helper] });
  const read = await postFileHashes(dir);
  let asked = 0;
  const known = await postFileHashes(dir, (file) => {
    asked++;
    const hash = loader.fileHash(file);
    assert.ok(hash, `the loader knows ${file}, whichever thread read it`);
    return hash;
  });
  assert.equal(asked, POSTS);
  assert.deepEqual(known, read);
});
