/** Share 1 of the browser tier's two processes (see test/browser-shard.ts). */
import { runBrowserShare } from "./browser-shard.js";

runBrowserShare(0);
