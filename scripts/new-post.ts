/**
 * `npm run new -- "Title" [--dir=content] [--slug=name]`
 * Creates a post with valid front matter (today's date, empty lists) named after the title
 * (pinyin for Chinese, at most 60 characters, cut between syllables or words) or --slug. Never
 * overwrites an existing file. (src/cli/new-post-command.ts)
 */
import { newPostCommand } from "../src/cli/new-post-command.js";

// --dir is the user's, relative to where they ran npm.
process.exitCode = await newPostCommand(process.argv.slice(2), { cwd: process.env.INIT_CWD ?? process.cwd(), out: (l) => console.log(l), log: (l) => console.error(l) });
