/**
 * A child process that indexes parts of the search index one after another (index-part.ts), each in
 * a Pagefind process of its own (started by this process's instance of Pagefind's module), answering
 * each PartJob it is sent with `{ done }` or `{ error }`. It ends when its parent disconnects.
 */
import { indexPart, type PartDone, type PartJob } from "./index-part.js";

/** A worker's answer to one job. */
export type WorkerAnswer = { done: PartDone } | { error: string };

const answer = (a: WorkerAnswer): void => void process.send?.(a);

process.on("message", (job: PartJob) => {
  indexPart(job).then(
    (done) => answer({ done }),
    (e: unknown) => answer({ error: e instanceof Error ? e.message : String(e) }),
  );
});
process.on("disconnect", () => process.exit(0));
