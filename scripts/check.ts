/**
 * `npm run check -- [PATH…] [--strict] [--format=text|json|github] [--rule=ID…] [--ignore=ID…]`
 * Validates posts without building. Exit 0 when clean, 1 on errors shown (on warnings shown too with
 * --strict), 2 on bad usage. (src/check/command.ts)
 */
import { checkCommand } from "../src/check/command.js";

// Paths are the user's, relative to where they ran npm; the check runs there, so they are read as given.
process.chdir(process.env.INIT_CWD ?? process.cwd());
process.exitCode = await checkCommand(process.argv.slice(2), { cwd: process.cwd(), out: (t) => console.log(t), log: (t) => console.error(t) });
