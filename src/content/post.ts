/** The Post type: validated front matter (from the schema) plus what the build derives from the file. */
import type { FrontMatter } from "../frontmatter/schema.js";
import type { Transcript } from "../transcript/model.js";

/** One post as templates see it. */
export type Post = FrontMatter & {
  /** URL slug: the file name without `.md` (often a YouTube id; may start with `-` or `_`). */
  slug: string;
  /** Path of the source file, relative to the content folder, with `/` separators. */
  sourcePath: string;
  /** Keys the schema does not know, kept as written. */
  extra: Record<string, unknown>;
  /** The parsed body. */
  transcript: Transcript;
};
