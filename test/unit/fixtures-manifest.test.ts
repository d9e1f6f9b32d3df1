/** The real-post fixtures are what their manifests say: every listed file present, byte for byte the listed size, and nothing unlisted. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { corpusDir, moreCorpusDir } from "../helpers.js";

/** Rows of a manifest table: file name and byte count (the first and third columns; kept as .txt so no tool takes it for a post). */
function manifestRows(file: string): Map<string, number> {
  const rows = new Map<string, number>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length > 4 && cells[1]!.endsWith(".md")) rows.set(cells[1]!, Number(cells[3]));
  }
  return rows;
}

for (const [dir, manifest, count] of [
  [corpusDir, "MANIFEST.txt", 60],
  [moreCorpusDir, "MANIFEST.txt", 32],
] as const) {
  test(`${path.basename(dir)}/: the ${count} posts of ${manifest}, with their sizes`, () => {
    const rows = manifestRows(path.join(dir, manifest));
    assert.equal(rows.size, count);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith(".md") && f !== manifest).sort(), [...rows.keys()].sort());
    for (const [file, bytes] of rows) assert.equal(statSync(path.join(dir, file)).size, bytes, file);
  });
}
