/** The Post type: validated front matter (from the schema) plus what the build derives from the file. */
import type { FrontMatter } from "../frontmatter/schema.js";
import type { Transcript } from "../transcript/model.js";

/** The site-relative URL of a post's page: the one place it is spelled. */
export function postUrl(slug: string): string {
  return `/posts/${slug}/`;
}

/** One post as templates see it. */
export type Post = FrontMatter & {
  /** URL slug: the file name without `.md` (often a YouTube id; may start with `-` or `_`). */
  slug: string;
  /** Site-relative URL of its page (`postUrl(slug)`). */
  url: string;
  /** Keys the schema does not know, kept as written (an unknown key is a warning, never dropped), for templates that want them. */
  extra: Record<string, unknown>;
  /** The parsed body. */
  transcript: Transcript;
};
