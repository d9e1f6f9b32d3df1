/**
 * The new-post command (`npm run new`, scripts/new-post.ts) as a function: arguments in, exit code
 * out, its one line handed to `io.out` on success and to `io.log` otherwise. The tests run it in their
 * own process, as they run the build and the check, which spares each run the start of a new Node
 * process (about a second).
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { newPostText, today } from "../scaffold.js";
import { fileSlug, MAX_POST_SLUG, postSlug } from "../slug.js";

export const NEW_USAGE = 'usage: npm run new -- "Title" [--dir=content] [--slug=name]';

/** Where the command's paths are relative to, and where its lines go. */
export interface NewPostIo {
  /** Folder that --dir is resolved from (npm's INIT_CWD: where the user ran npm). */
  cwd: string;
  /** The line saying what was created (stdout in the CLI). */
  out: (line: string) => void;
  /** Errors (stderr in the CLI). */
  log: (line: string) => void;
}

/** Run the new-post command; resolves to its exit code (0 created, 1 not created, 2 bad usage). */
export async function newPostCommand(argv: readonly string[], io: NewPostIo): Promise<number> {
  const { log } = io;
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { dir: { type: "string", default: "content" }, slug: { type: "string" } } });
  } catch (e) {
    log(`new: ${(e as Error).message}\n${NEW_USAGE}`);
    return 2;
  }
  const title = parsed.positionals.join(" ").trim();
  if (!title) {
    log(`new: give the post's title.\n${NEW_USAGE}`);
    return 2;
  }
  const slug = parsed.values.slug ?? postSlug(title);
  if (!slug) {
    log(`new: could not make a file name from '${title}'; pass one with --slug=name.`);
    return 2;
  }
  if (parsed.values.slug !== undefined) {
    // The author's own name is used as given, or refused: never silently changed.
    const safe = fileSlug(slug);
    if (slug.length > MAX_POST_SLUG || safe.replaced.length > 0 || slug.includes("/") || slug.startsWith(".")) {
      log(`new: --slug must be a plain file name of at most ${MAX_POST_SLUG} characters, without '/', a leading '.', '#', '?', '%', '\\' or control characters (got '${slug}').`);
      return 2;
    }
  }
  const dir = path.resolve(io.cwd, parsed.values.dir);
  const file = path.join(dir, `${slug}.md`);
  if (existsSync(file)) {
    log(`new: ${path.relative(process.cwd(), file)} already exists; not overwritten. Choose another title or --slug.`);
    return 1;
  }
  try {
    await mkdir(dir, { recursive: true });
    // 'wx' fails if the file appeared meanwhile: never overwrite.
    await writeFile(file, newPostText(title, today()), { flag: "wx" });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "EEXIST" ? "it already exists; not overwritten" : `${(e as Error).message}`;
    log(`new: could not create ${path.relative(process.cwd(), file)}: ${why}.`);
    return 1;
  }
  io.out(`created ${path.relative(process.cwd(), file)}`);
  return 0;
}
