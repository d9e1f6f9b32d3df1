import { test } from "node:test";
import assert from "node:assert/strict";
import type { Post } from "../../src/content/post.js";
import { bodyOnlyChanges, postsOnlyPlan, RUN_WEIGHTS, sameFrontMatter, shardCycle, shardPlan, type RenderPlan } from "../../src/site/render-plan.js";

const post = (slug: string, over: Partial<Post> = {}): Post =>
  ({ title: slug, date: "2025-01-01", draft: false, layout: "post.njk", tags: ["a"], people: [], companies_orgs: [], products_models: [], media_books: [], project: [], slug, url: `/posts/${slug}/`, extra: {}, transcript: { sections: [] }, ...over }) as Post;

test("an edit to the body alone re-renders only that post", () => {
  const a = post("a");
  const b = post("b");
  const b2 = { ...b, transcript: { sections: [{ id: "s-0", level: 0, line: 5, turns: [] }] } };
  assert.ok(sameFrontMatter(b, b2));
  assert.deepEqual(bodyOnlyChanges([a, b], [a, b2]), [b2]);
  assert.deepEqual(postsOnlyPlan([b2]), { posts: [b2], homePages: [], taxonomyPages: [], termPages: [], years: [], partial: true });
});

test("front-matter edits, added or removed posts and template-only changes need a full render", () => {
  const a = post("a");
  const b = post("b");
  assert.equal(bodyOnlyChanges([a, b], [a, { ...b, tags: ["a", "new"] }]), undefined, "a tag added");
  assert.equal(bodyOnlyChanges([a, b], [a, { ...b, title: "new title" }]), undefined);
  assert.equal(bodyOnlyChanges([a, b], [a]), undefined, "a post removed");
  assert.equal(bodyOnlyChanges([a, b], [a, post("c")]), undefined, "a post renamed");
  assert.equal(bodyOnlyChanges([a, b], [a, b]), undefined, "nothing changed: a template edit");
});

test("runs' shares: every item in exactly one run, the main thread's (run 0) a little smaller, the runs interleaved", () => {
  const items = (n: number, tag: string): string[] => Array.from({ length: n }, (_, i) => `${tag}${i}`);
  const plan = { posts: items(9000, "p"), homePages: items(450, "h"), taxonomyPages: items(73, "x"), termPages: items(13014, "t"), years: items(9, "y") } as unknown as RenderPlan;
  for (const count of [2, 3, 4]) {
    const shares = Array.from({ length: count }, (_, index) => shardPlan(plan, { index, count }));
    for (const key of ["posts", "homePages", "taxonomyPages", "termPages", "years"] as const) {
      const all = shares.flatMap((s) => s[key] as unknown as string[]).sort();
      assert.deepEqual(all, [...(plan[key] as unknown as string[])].sort(), `${key}: each item once, in ${count} runs`);
    }
    const posts = shares.map((s) => s.posts.length);
    const total = RUN_WEIGHTS.main + RUN_WEIGHTS.worker * (count - 1);
    assert.ok(Math.abs((posts[0] ?? 0) - (9000 * RUN_WEIGHTS.main) / total) <= count, `the main run's share is its weight's: ${posts.join(" ")}`);
    for (const n of posts.slice(1)) assert.ok(Math.abs(n - (9000 * RUN_WEIGHTS.worker) / total) <= count, `each worker's share is its weight's: ${posts.join(" ")}`);
    assert.ok(shares.every((s) => s.partial));
    // Interleaved: no run takes more than two items in a row.
    const cycle = shardCycle(count);
    const runs = [...cycle, ...cycle].join("");
    for (let r = 0; r < count; r++) assert.doesNotMatch(runs, new RegExp(`${r}{3}`), `run ${r} in the cycle ${cycle.join("")}`);
  }
  assert.equal(shardPlan(plan, { index: 0, count: 1 }), plan, "one run renders the whole plan");
});
