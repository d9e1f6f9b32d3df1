import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";
import { cacheCompiledTemplates } from "../../src/eleventy/template-cache-plugin.js";

// The Nunjucks library Eleventy renders with (its dependency, installed beside it).
interface NunjucksLib {
  Environment: new () => object;
  Template: (new (src: string, env: object, path?: string) => { render(ctx: object): string }) & { prototype: never };
  compiler: { compile: (...args: unknown[]) => string };
}
const nunjucks = createRequire(import.meta.url)("nunjucks") as NunjucksLib;

/** Count Nunjucks' compilations while `fn` runs. */
function compilations(fn: () => void): number {
  const original = nunjucks.compiler.compile;
  let n = 0;
  nunjucks.compiler.compile = (...args: unknown[]) => {
    n++;
    return original(...args);
  };
  try {
    fn();
  } finally {
    nunjucks.compiler.compile = original;
  }
  return n;
}

cacheCompiledTemplates(nunjucks.Template);

test("a template's source is compiled once per environment and path, and every page renders its own data", () => {
  const env = new nunjucks.Environment();
  const src = "{% for x in items %}<i>{{ x }}</i>{% endfor %}{{ title }}";
  let outputs: string[] = [];
  const n = compilations(() => {
    outputs = ["a", "b", "c"].map((t) => new nunjucks.Template(src, env, "pages/list.njk").render({ items: [t, `${t}2`], title: t.toUpperCase() }));
  });
  assert.equal(n, 1);
  assert.deepEqual(outputs, ["<i>a</i><i>a2</i>A", "<i>b</i><i>b2</i>B", "<i>c</i><i>c2</i>C"]);
});

test("another source, another path or another environment compiles anew (an edited template is never served stale)", () => {
  const env = new nunjucks.Environment();
  const other = new nunjucks.Environment();
  let out: string[] = [];
  const n = compilations(() => {
    out = [
      new nunjucks.Template("one {{ v }}", env, "a.njk").render({ v: 1 }),
      new nunjucks.Template("two {{ v }}", env, "a.njk").render({ v: 2 }),
      new nunjucks.Template("two {{ v }}", env, "b.njk").render({ v: 3 }),
      new nunjucks.Template("two {{ v }}", other, "b.njk").render({ v: 4 }),
      new nunjucks.Template("two {{ v }}", other, "b.njk").render({ v: 5 }),
    ];
  });
  assert.equal(n, 4);
  assert.deepEqual(out, ["one 1", "two 2", "two 3", "two 4", "two 5"]);
});

test("templates with blocks and macros share their compiled form without sharing state between renders", () => {
  const env = new nunjucks.Environment();
  const src = "{% macro m(x) %}[{{ x }}]{% endmacro %}{% block body %}{{ m(v) }}{% set v = v + 1 %}{{ m(v) }}{% endblock %}";
  const a = new nunjucks.Template(src, env, "m.njk").render({ v: 1 });
  const b = new nunjucks.Template(src, env, "m.njk").render({ v: 10 });
  assert.equal(a, "[1][2]");
  assert.equal(b, "[10][11]");
});
