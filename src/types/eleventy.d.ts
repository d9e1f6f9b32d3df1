/** Declarations for the parts of Eleventy 3's programmatic API we call (it ships JSDoc, not .d.ts). */
declare module "@11ty/eleventy" {
  import type { EleventyConfig } from "../eleventy/types.js";

  export interface EleventyOptions {
    configPath?: string;
    pathPrefix?: string;
    quietMode?: boolean;
    runMode?: "build" | "watch" | "serve";
    /** Extra configuration applied after the config file. */
    config?: (eleventyConfig: EleventyConfig) => void;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    write(): Promise<unknown>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
    setIncrementalBuild(on: boolean): void;
    setDryRun(on: boolean): void;
    /** Eleventy's console logger; `overrideLogger` replaces the console it writes to. */
    readonly logger: { overrideLogger(logger: Pick<Console, "log" | "info" | "warn" | "error">): void };
  }

  /** The HTML `<base>` plugin that applies the path prefix to every URL in HTML output. */
  export const HtmlBasePlugin: {
    (eleventyConfig: EleventyConfig, options?: Record<string, unknown>): void;
    /** The plugin's own URL joining: a site-relative `url` on a full `base` URL, with the path prefix. */
    applyBaseToUrl(url: string, base: string, options?: { pathPrefix?: string }): string;
  };
}
