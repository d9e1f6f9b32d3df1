/**
 * The parts of Eleventy's configuration API that this project uses. Eleventy 3 ships JSDoc, not
 * TypeScript declarations, so we declare the surface we rely on here, checked against its docs.
 */

/** Eleventy's `eleventyConfig` object, as far as our plugins use it. */
export interface EleventyConfig {
  addPlugin<O>(plugin: (config: EleventyConfig, options: O) => void | Promise<void>, options?: O): void;
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
  addWatchTarget(target: string, options?: { resetConfig?: boolean }): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  addTemplateFormats(formats: string | string[]): void;
  setTemplateFormats(formats: string | string[]): void;
  ignores: { add(glob: string): void; delete(glob: string): void };
  watchIgnores: { add(glob: string): void };
  setLibrary(name: string, lib: unknown): void;
  setQuietMode(quiet: boolean): void;
  setServerOptions(options: Record<string, unknown>): void;
  setDataDeepMerge(on: boolean): void;
  on(event: string, handler: (...args: never[]) => unknown): void;
  addTransform(name: string, fn: (this: { outputPath?: string | false }, content: string) => string | Promise<string>): void;
  /** Eleventy's own path prefix (`--pathprefix`). */
  pathPrefix?: string;
}
