/** The text of a new post: valid front matter with today's date and empty lists, and a format reminder. */
import { stringify } from "yaml";

/** Today's date in the local time zone as YYYY-MM-DD. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** The text of a new post. */
export function newPostText(title: string, date: string): string {
  const front = stringify(
    {
      title,
      date,
      draft: true,
      summary: "",
      source: "",
      speaker: "",
      guest: "",
      area: "",
      category: "",
      series: "",
      status: "evergreen",
      tags: [],
      people: [],
      companies_orgs: [],
      products_models: [],
      media_books: [],
      project: [],
    },
    { defaultStringType: "QUOTE_SINGLE", defaultKeyType: "PLAIN" },
  );
  return `---\n${front}---\n<!--
Each passage: the translation, then its original in a <details> block:

**说话人:** 译文段落。

<details>
<summary>View/Hide Original English</summary>
<p class="english-text">The original passage.</p>
</details>
-->
`;
}
