/** Page ids unique across the search index's parts: which pages need which salt (src/search/collisions.ts). */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { isSalt, nextSaltChange, saltFor, settleSalts, type PartIds, type Salt } from "../../src/search/collisions.js";

const part = (ids: string[], salted: Record<string, Salt> = {}): PartIds => ({ ids, salted: new Map(Object.entries(salted)) });

test("an id held by two parts: the later part's page gets salt 1 and keeps its unsalted id", () => {
  assert.equal(nextSaltChange([part(["a", "b"]), part(["c", "d"])]), undefined, "no collision, nothing to do");
  assert.deepEqual(nextSaltChange([part(["a", "b"]), part(["b", "c"])]), { part: 1, salts: new Map([["b", { salt: 1, ids: ["b"] }]]) });
  assert.equal(nextSaltChange([part(["a", "b"]), part(["c", "x"], { x: { salt: 1, ids: ["b"] } })]), undefined, "salted already, its unsalted id still met: it stays");
});

test("three parts: the first part that needs a change is the one given, and each later part meets every earlier one", () => {
  // Parts 2 and 3 both hold part 1's id: part 2 first; part 3 only once part 2 is settled.
  assert.deepEqual(nextSaltChange([part(["a"]), part(["a", "b"]), part(["a", "c"])]), { part: 1, salts: new Map([["a", { salt: 1, ids: ["a"] }]]) });
  assert.deepEqual(nextSaltChange([part(["a"]), part(["a1", "b"], { a1: { salt: 1, ids: ["a"] } }), part(["a", "c"])]), { part: 2, salts: new Map([["a", { salt: 1, ids: ["a"] }]]) });
  // Part 3 meets part 2's (not part 1's) id.
  assert.deepEqual(nextSaltChange([part(["a"]), part(["b"]), part(["b", "c"])]), { part: 2, salts: new Map([["b", { salt: 1, ids: ["b"] }]]) });
  // Two pages of one part at once.
  assert.deepEqual(nextSaltChange([part(["a", "b"]), part(["a", "b", "c"])])?.salts.size, 2);
});

test("a salt no longer needed goes: the page met an earlier one that has changed since", () => {
  assert.deepEqual(nextSaltChange([part(["a2"]), part(["x", "c"], { x: { salt: 1, ids: ["a"] } })]), { part: 1, salts: new Map([["x", { salt: 0, ids: [] }]]) });
  // Salt 2 whose salt-1 id is free now: back to salt 1, the id it had with it known.
  assert.deepEqual(nextSaltChange([part(["a", "q"]), part(["y"], { y: { salt: 2, ids: ["a", "p"] } })]), { part: 1, salts: new Map([["y", { salt: 1, ids: ["a"] }]]) });
});

test("a salted id that meets an earlier part's id again: the next salt, with every id tried", () => {
  assert.deepEqual(nextSaltChange([part(["a", "x"]), part(["x"], { x: { salt: 1, ids: ["a"] } })]), { part: 1, salts: new Map([["x", { salt: 2, ids: ["a", "x"] }]]) });
  assert.deepEqual(saltFor({ salt: 0, ids: [] }, "a", new Set(["a"])), { salt: 1, ids: ["a"] });
  assert.deepEqual(saltFor({ salt: 1, ids: ["a"] }, "b", new Set(["a"])), { salt: 1, ids: ["a"] });
  assert.throws(() => saltFor({ salt: 2, ids: ["a"] }, "b", new Set()), /must keep 2 earlier ids/);
  assert.throws(() => nextSaltChange([part(["a"], { z: { salt: 1, ids: ["q"] } })]), /holds no page z/);
});

/**
 * A simulated index: each page's id is a short hash of its content and salt (from a small space, so
 * that ids meet often), made unique within a part as Pagefind does (here by a suffix).
 */
function world(contents: Record<string, string>, space: number) {
  const idOf = (page: string, salt: number): string => String(createHash("sha256").update(`${contents[page]}\0${salt}`).digest().readUInt32BE(0) % space);
  const index = (pages: readonly string[], salts: ReadonlyMap<string, Salt>): { ids: Map<string, string>; part: PartIds } => {
    const ids = new Map<string, string>();
    const used = new Set<string>();
    for (const p of pages) {
      let id = idOf(p, salts.get(p)?.salt ?? 0);
      while (used.has(id)) id += `+${p}`;
      used.add(id);
      ids.set(p, id);
    }
    const salted = new Map([...salts].filter(([p, s]) => pages.includes(p) && s.salt > 0).map(([p, s]) => [ids.get(p) ?? "", s]));
    return { ids, part: { ids: [...ids.values()], salted } };
  };
  /** Settle every part, from the given salts (a previous build's, for pages whose content is the same); the salts reached. */
  const settle = async (parts: string[][], start: ReadonlyMap<string, Salt>): Promise<Map<string, Salt>> => {
    const salts = new Map(start);
    const written = parts.map((pages) => index(pages, salts));
    await settleSalts(
      written.map((w) => w.part),
      async (k, changes) => {
        const byId = new Map([...(written[k]?.ids ?? [])].map(([p, id]) => [id, p]));
        for (const [id, salt] of changes) {
          const p = byId.get(id);
          assert.ok(p, `a page of part ${k} has the id ${id}`);
          if (salt.salt) salts.set(p, salt);
          else salts.delete(p);
        }
        written[k] = index(parts[k] ?? [], salts);
        return written[k].part;
      },
    );
    // Settled: no id in two parts.
    const all = written.flatMap((w) => [...w.ids.values()]);
    assert.equal(new Set(all).size, all.length, "every id in one part only");
    return salts;
  };
  return { settle };
}

test("settling: a clean build and a build from the previous build's salts reach the same salts, whatever changed", async () => {
  let collided = 0;
  for (let seed = 0; seed < 300; seed++) {
    const pages = Array.from({ length: 9 }, (_, i) => `p${i}`);
    const parts = [pages.slice(0, 3), pages.slice(3, 6), pages.slice(6)];
    const before = Object.fromEntries(pages.map((p) => [p, `${p} v0 ${seed}`]));
    const first = await world(before, 12).settle(parts, new Map());
    if (first.size) collided++;
    // Some pages change (their records go, as index-site.ts drops a salt whose page's indexed HTML changed).
    const after = { ...before };
    for (const p of pages) if (createHash("sha256").update(`${seed} ${p}`).digest()[0]! < 80) after[p] = `${p} v1 ${seed}`;
    const kept = new Map([...first].filter(([p]) => after[p] === before[p]));
    const w = world(after, 12);
    assert.deepEqual(await w.settle(parts, kept), await w.settle(parts, new Map()), `seed ${seed}`);
  }
  assert.ok(collided > 100, `ids met in ${collided} of 300 worlds`);
});

test("settling gives up after a bounded number of rounds", async () => {
  // An index whose pages always get an id an earlier part holds.
  await assert.rejects(
    settleSalts([part(["a"]), part(["a"])], async () => part(["a"])),
    /still collide across parts after \d+ rounds/,
  );
});

test("a salt read from a previous site is taken only when it is whole", () => {
  assert.ok(isSalt({ salt: 1, ids: ["en_1234567"] }));
  assert.ok(isSalt({ salt: 2, ids: ["en_1234567", "en_89abcde"] }));
  for (const bad of [null, "1", { salt: 0, ids: [] }, { salt: 1, ids: [] }, { salt: 1.5, ids: ["a"] }, { salt: 1, ids: [3] }, { salt: 1 }]) assert.equal(isSalt(bad), false, JSON.stringify(bad));
});
