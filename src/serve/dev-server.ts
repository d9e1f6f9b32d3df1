/**
 * What our dev server adds to Eleventy's: it listens on one address (loopback unless asked), and
 * while the last build failed it answers every page with that build's error instead of a stale page.
 */
import { createRequire } from "node:module";
import { escapeUTF8 } from "entities";
import type { EleventyConfig } from "../eleventy/types.js";

/** What the server knows about the last build. */
export interface DevServerState {
  /** The last build's error; undefined once a build succeeds. */
  error: Error | undefined;
}

/** The part of @11ty/eleventy-dev-server's class that `listenOn` replaces. */
interface DevServerClass {
  prototype: { _serverListen(this: { server: { listen(o: { port: number; host: string }): void } }, port: number): void };
}

/**
 * Make Eleventy's dev server listen on `host` only. Its own `_serverListen` passes no host, so
 * Node listens on every interface; this is the one method to replace (checked against 2.x).
 */
export function listenOn(host: string): void {
  const require = createRequire(import.meta.url);
  // Resolved from Eleventy's own folder: the same copy of the module that Eleventy loads.
  const eleventyMain = require.resolve("@11ty/eleventy");
  const DevServer = createRequire(eleventyMain)("@11ty/eleventy-dev-server") as DevServerClass;
  if (typeof DevServer.prototype._serverListen !== "function") throw new Error("@11ty/eleventy-dev-server changed: cannot restrict its address");
  DevServer.prototype._serverListen = function (port) {
    this.server.listen({ port, host });
  };
}

/** The page shown in place of every page while the last build failed (the dev server adds its reload script, so it reloads when a build succeeds). */
export function errorPage(error: Error): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Build error</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}pre{white-space:pre-wrap;background:#fff4f4;border-left:4px solid #c00;padding:1rem}</style>
</head><body>
<h1>The last build failed</h1>
<p>Fix the problem below and save: this page reloads when a build succeeds. The terminal running <code>npm start</code> shows the same message.</p>
<pre>${escapeUTF8(error.message)}</pre>
</body></html>`;
}

/** Register the error page and the hooks that track the last build's outcome. */
export function devServerOptions(eleventyConfig: object, state: DevServerState): void {
  const config = eleventyConfig as EleventyConfig;
  config.on("eleventy.after", () => {
    state.error = undefined;
  });
  config.setServerOptions({
    showAllHosts: false,
    onRequest: {
      "/*": ({ url }: { url: URL }) => {
        if (!state.error || url.pathname.startsWith("/.11ty/")) return undefined;
        if (!/(\/|\.html)$/.test(url.pathname)) return undefined;
        return { status: 500, headers: { "content-type": "text/html; charset=utf-8" }, body: errorPage(state.error) };
      },
    },
  });
}

/** The part of Eleventy's programmatic API that `trackErrors` wraps. */
interface ServeHandle {
  eleventyServe: { sendError(e: { error: Error }): Promise<void>; reload(event: object): Promise<void> | void };
}

/** Record a failed rebuild's error and reload open pages, so they show it. */
export function trackErrors(eleventy: object, state: DevServerState): void {
  const serve = (eleventy as ServeHandle).eleventyServe;
  const send = serve.sendError.bind(serve);
  serve.sendError = async ({ error }) => {
    state.error = error;
    await send({ error });
    await serve.reload({ files: [], build: {} });
  };
}
