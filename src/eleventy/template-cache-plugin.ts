/**
 * Compiles each Nunjucks template once per build instead of once per page.
 *
 * Eleventy 3.1 hands every page's template (and each layout it goes through) to Nunjucks as a new
 * `Template` of its source text, leaving caching to Nunjucks (its engine is not `cacheable`), but
 * Nunjucks caches only templates it loads by name. So a paginated template with 9,000 pages was
 * parsed and compiled 9,000 times, with its layouts: 5% of a 2,000-post build's CPU profile, all of
 * it before the first page was written. This plugin keeps the compiled form of each (environment,
 * path, source) and gives it to every later `Template` of the same source: the compiled functions
 * hold no state of their own (each render gets a fresh context and frame), so sharing them changes
 * no output. A template whose source changes (the dev server) has a new key, so it compiles anew.
 */
import type { EleventyConfig } from "./types.js";

/** What Nunjucks' `Template` has that this plugin uses (nunjucks/src/environment.js; not in its type declarations). */
interface NunjucksTemplate {
  env: object;
  path?: string | null;
  tmplStr?: unknown;
  tmplProps?: unknown;
  compiled: boolean;
  blocks: unknown;
  rootRenderFunc: unknown;
  _compile(): void;
}

/** The payload of Eleventy's `eleventy.engine.njk` event. */
interface NunjucksEngineEvent {
  nunjucks: { Template: { prototype: NunjucksTemplate } };
}

/** A compiled template: what `_compile` sets. */
interface Compiled {
  blocks: unknown;
  root: unknown;
}

const patched = new WeakSet<object>();
const compiledBy = new WeakMap<object, Map<string, Compiled>>();

/** Wrap `_compile` of a Nunjucks library's Template (once per library) with the cache. */
export function cacheCompiledTemplates(template: { prototype: NunjucksTemplate }): void {
  const proto = template.prototype;
  if (patched.has(proto)) return;
  patched.add(proto);
  const compile = proto._compile;
  proto._compile = function (this: NunjucksTemplate): void {
    // Precompiled templates (tmplProps) are compiled already; anything but a source string is left to Nunjucks.
    if (this.tmplProps || typeof this.tmplStr !== "string") return compile.call(this);
    let cache = compiledBy.get(this.env);
    if (!cache) compiledBy.set(this.env, (cache = new Map()));
    const key = `${this.path ?? ""}\0${this.tmplStr}`;
    const known = cache.get(key);
    if (known) {
      this.blocks = known.blocks;
      this.rootRenderFunc = known.root;
      this.compiled = true;
      return;
    }
    compile.call(this);
    cache.set(key, { blocks: this.blocks, root: this.rootRenderFunc });
  };
}

/** Register the cache on the Nunjucks library Eleventy uses. */
export function templateCachePlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.engine.njk", (event: NunjucksEngineEvent) => cacheCompiledTemplates(event.nunjucks.Template));
}
