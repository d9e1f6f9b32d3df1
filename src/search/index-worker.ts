/**
 * A child process that indexes parts of the search index one after another (index-part.ts), each in
 * a Pagefind process of its own (started by this process's instance of Pagefind's module), answering
 * each PartJob it is sent with `{ done }` or `{ error }`. Before Pagefind writes a part, it asks its
 * parent for its turn (`{ write }`) and waits for `{ go }`; once that Pagefind process is closed, it
 * hands the turn back (`{ written }`). It ends when its parent disconnects.
 */
import { indexPart, type PartDone, type PartJob } from "./index-part.js";

/** What a worker says: its answer to one job, that it waits for its turn to write, or that it is done writing. */
export type WorkerAnswer = { done: PartDone } | { error: string };
export type WorkerMessage = WorkerAnswer | { write: true } | { written: true };
/** What the parent sends: a job, or a worker's turn to write. */
export type ParentMessage = PartJob | { go: true };

const say = (m: WorkerMessage): void => void process.send?.(m);

let turn: (() => void) | undefined;
const writeTurn = (): Promise<() => void> =>
  new Promise((resolve) => {
    turn = () => resolve(() => say({ written: true }));
    say({ write: true });
  });

process.on("message", (m: ParentMessage) => {
  if ("go" in m) {
    turn?.();
    turn = undefined;
    return;
  }
  indexPart(m, writeTurn).then(
    (done) => say({ done }),
    (e: unknown) => say({ error: e instanceof Error ? e.message : String(e) }),
  );
});
process.on("disconnect", () => process.exit(0));
