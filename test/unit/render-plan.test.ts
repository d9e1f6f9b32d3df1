import { test } from "node:test";
import assert from "node:assert/strict";
import type { Post } from "../../src/content/post.js";
import { bodyOnlyChanges, postsOnlyPlan, sameFrontMatter } from "../../src/site/render-plan.js";

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
