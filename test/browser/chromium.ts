/** Launching Debian's Chromium for browser tests, or explaining how to get it. */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { PLAYWRIGHT_DISABLED_FEATURES, UNUSED_FEATURES } from "./chromium-features.js";

/** Where Debian installs Chromium. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Why browser tests cannot run here, or undefined when they can. In CI (CI=true) a missing
 * browser is a failure, never a skip.
 */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const message = `Chromium not found at ${CHROMIUM}: install it with 'apt-get update && apt-get install -y chromium fonts-noto-cjk' (or set CHROMIUM_PATH)`;
  if (process.env.CI === "true") throw new Error(`${message}. CI must run the browser tests.`);
  return message;
}

/**
 * Headless Chromium with the flags this machine needs: a browser of its own, or, in a process that
 * runs several browser files (test/browser-shard.ts), the one browser they share. A shared browser's
 * `close()` closes the contexts (and so the pages) opened since this call, and leaves the browser
 * running for the next file; closeSharedBrowser closes it.
 */
export async function launch(): Promise<Browser> {
  if (!sharing) return start();
  if (!shared || !(await shared).isConnected()) shared = start();
  const browser = await shared;
  const earlier = new Set(browser.contexts());
  return new Proxy(browser, {
    get(target, name) {
      if (name === "close") return async (): Promise<void> => void (await Promise.all(target.contexts().filter((c) => !earlier.has(c)).map((c) => c.close())));
      const value: unknown = Reflect.get(target, name, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

let sharing = false;
let shared: Promise<Browser> | undefined;

/** From now on, launch() in this process gives every caller the same browser (test/browser-shard.ts). */
export function shareOneBrowser(): void {
  sharing = true;
}

/** Close the shared browser, if one was started. */
export async function closeSharedBrowser(): Promise<void> {
  const browser = shared;
  shared = undefined;
  await (await browser)?.close();
}

function start(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Chromium reads only the last --disable-features: this one repeats playwright-core's own.
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...UNUSED_FEATURES].join(",")}`],
  });
}
