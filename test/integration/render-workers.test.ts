/** A render worker thread (render.ts) helping the main thread read the posts: the ReadShare protocol across threads. */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ContentLoader, type LoadedFile, type ReadShare } from "../../src/content/load.js";
import { RenderWorkers } from "../../src/build/render.js";

const dir = mkdtempSync(path.join(tmpdir(), "render-workers-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("a started render worker reads the chunks it claims and sends them as a loader of this thread reads them", async () => {
  const files: string[] = [];
  for (let i = 0; i < 70; i++) {
    const file = path.join(dir, `w${String(i).padStart(2, "0")}.md`);
    const tags = i % 9 === 0 ? `tags: ['"AI"']\n` : "tags: [AI, 模型]\n";
    writeFileSync(file, `---\ntitle: 第${i}篇\ndate: '2025-02-01'\n${tags}---\n正文${i}。\n`);
    files.push(file);
  }
  const chunk = 32;
  const share: ReadShare = { jobs: files.map((file) => ({ file, root: dir, display: path.basename(file) })), cells: new SharedArrayBuffer(4 * Math.ceil(files.length / chunk)), chunk };
  const workers = new RenderWorkers(2);
  try {
    const [help] = workers.readHelpers();
    assert.ok(help, "one worker started for two runs");
    // Nothing is claimed here: the worker, once it has loaded its modules, reads every chunk.
    const got = await new Promise<Map<number, LoadedFile[]>>((resolve, reject) => {
      const chunks = new Map<number, LoadedFile[]>();
      help(
        share,
        2,
        (c, read) => {
          chunks.set(c, read);
          if (chunks.size === 3) resolve(chunks);
        },
        () => reject(new Error("the worker stopped")),
      );
    });
    assert.deepEqual([...new Int32Array(share.cells)], [2, 2, 2], "each chunk claimed by the worker");
    const fromWorker = [0, 1, 2].flatMap((c) => got.get(c) ?? []);
    assert.deepEqual(fromWorker.map((f) => f.file), files, "every file once, in order");
    // The same as this thread's own reading of them.
    const here = new ContentLoader();
    await here.load([dir], { transcripts: "lazy", displayBase: dir });
    const mine = new Map(here.exportLazy().map((f) => [f.file, f]));
    for (const f of fromWorker) assert.deepEqual(f, mine.get(f.file), f.file);
    assert.ok(fromWorker.some((f) => f.diagnostics.length > 0), "warnings travel with the files");
  } finally {
    await workers.release();
  }
});
