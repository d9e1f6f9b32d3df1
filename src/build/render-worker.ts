/**
 * A worker thread's Eleventy run: one share of a production build's pages (see render.ts). It helps
 * the main thread read the posts when asked (ReadRequest), then waits for its input, takes over the posts the main thread read (a loader of its own
 * reads their transcripts), plans the same pages as the main thread (the same page cache inputs),
 * renders its share into the staging folder, and sends back what parsing its transcripts found.
 */
import { parentPort } from "node:worker_threads";
import { ContentLoader } from "../content/load.js";
import type { LocalDiagnostic } from "../diagnostics.js";
import type { Post } from "../content/post.js";
import { PageCache } from "./incremental.js";
import { runEleventy, shardPlan, type ReadRequest, type WorkerInput, type WorkerMessage } from "./render.js";

const loader = new ContentLoader();
// Started before the posts were read (render.ts): the modules above load meanwhile. A share of the
// posts to read may come first (ReadShare: this thread helps the main thread read them), then the input.
const input = await new Promise<WorkerInput>((resolve) => {
  const onMessage = (m: WorkerInput | ReadRequest): void => {
    if (!("read" in m)) {
      parentPort!.off("message", onMessage);
      resolve(m);
      return;
    }
    loader.readShare(m.read, m.owner, (chunk, files) => parentPort!.postMessage({ chunk, files } satisfies WorkerMessage));
  };
  parentPort!.on("message", onMessage);
});
// The posts as the main thread read and checked them: only what changed since is read again.
loader.adopt(input.loaded);
const cache = new PageCache(input.cache.previousSite, input.cache.fingerprint, new Map(input.cache.fileHashes), input.cache.useCache, loader);
let rendered: Post[] = [];
let pages = 0;
const send = (m: WorkerMessage): void => parentPort!.postMessage(m);
// Progress in batches: a message per page would cost more than it tells.
const timer = setInterval(() => {
  if (pages > 0) send({ pages });
  pages = 0;
}, 500);

await runEleventy({
  siteOptions: { ...input.options, loader },
  staging: input.staging,
  pathPrefix: input.pathPrefix,
  // runEleventy takes this run's share of the plan; the posts of that share are the ones rendered here.
  planner: (model) => {
    const plan = cache.plan(model);
    rendered = shardPlan(plan, input.shard).posts;
    return plan;
  },
  shard: input.shard,
  onPageWritten: () => void pages++,
});
clearInterval(timer);
if (pages > 0) send({ pages });
const findings: Array<[string, LocalDiagnostic[]]> = [];
for (const post of rendered) {
  const found = loader.transcriptFindings(post.slug);
  if (found) findings.push([post.slug, found]);
}
send({ done: true, findings });
