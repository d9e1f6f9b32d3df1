/**
 * `npm run new -- "Title" [--dir=content] [--slug=name]`
 * Creates a post with valid front matter (today's date, empty lists) named after the title
 * (pinyin for Chinese, at most 60 characters, cut between syllables or words) or --slug. Never
 * overwrites an existing file.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { newPostText, today } from "../src/scaffold.js";
import { fileSlug, MAX_POST_SLUG, postSlug } from "../src/slug.js";

const USAGE = 'usage: npm run new -- "Title" [--dir=content] [--slug=name]';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { dir: { type: "string", default: "content" }, slug: { type: "string" } } });
  } catch (e) {
    console.error(`new: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const title = parsed.positionals.join(" ").trim();
  if (!title) {
    console.error(`new: give the post's title.\n${USAGE}`);
    return 2;
  }
  const slug = parsed.values.slug ?? postSlug(title);
  if (!slug) {
    console.error(`new: could not make a file name from '${title}'; pass one with --slug=name.`);
    return 2;
  }
  if (parsed.values.slug !== undefined) {
    // The author's own name is used as given, or refused: never silently changed.
    const safe = fileSlug(slug);
    if (slug.length > MAX_POST_SLUG || safe.replaced.length > 0 || slug.includes("/") || slug.startsWith(".")) {
      console.error(`new: --slug must be a plain file name of at most ${MAX_POST_SLUG} characters, without '/', a leading '.', '#', '?', '%', '\\' or control characters (got '${slug}').`);
      return 2;
    }
  }
  const dir = path.resolve(process.env.INIT_CWD ?? process.cwd(), parsed.values.dir);
  const file = path.join(dir, `${slug}.md`);
  if (existsSync(file)) {
    console.error(`new: ${path.relative(process.cwd(), file)} already exists; not overwritten. Choose another title or --slug.`);
    return 1;
  }
  try {
    await mkdir(dir, { recursive: true });
    // 'wx' fails if the file appeared meanwhile: never overwrite.
    await writeFile(file, newPostText(title, today()), { flag: "wx" });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "EEXIST" ? "it already exists; not overwritten" : `${(e as Error).message}`;
    console.error(`new: could not create ${path.relative(process.cwd(), file)}: ${why}.`);
    return 1;
  }
  console.log(`created ${path.relative(process.cwd(), file)}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
