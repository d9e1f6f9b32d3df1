/**
 * `npm run build [-- --input=DIR --output=DIR --pathprefix=/repo/ --site=FILE --strict --no-cache]`
 * Builds the posts of `content/` (or --input) into `_site/` (or --output), rendering again only the
 * post pages that changed since the site there was built (`--no-cache`: all of them). Exit 1 when
 * posts have errors, 2 when the command line or the site settings are wrong. (src/cli/build-command.ts)
 */
import { buildCommand, projectRoot } from "../src/cli/build-command.js";

// Paths are the user's, relative to where they ran npm; the build itself runs in the project folder.
const cwd = process.env.INIT_CWD ?? process.cwd();
process.chdir(projectRoot);
process.exitCode = await buildCommand(process.argv.slice(2), { cwd, env: process.env, log: (l) => console.error(l), out: (l) => console.log(l) });
