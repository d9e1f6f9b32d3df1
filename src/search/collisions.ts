/**
 * Page ids that are unique across the index's parts (pure).
 *
 * A Pagefind result's id is its page's fragment hash, shortened to 7 hex digits (`en_3b65657`):
 * Pagefind makes it unique within one index, not across the parts the search page merges, and the
 * page keys results by it. So after the parts are written, a page whose id an earlier part (in part
 * order) already holds is indexed again with a salt (page-text.ts's withSalt: a meta that changes
 * its fragment, and with it its hash), salt 1, then 2, … until its id is new.
 *
 * The salts are a function of the final content only, so that a clean build and any build over a
 * previous site agree: parts are settled in order, and a page's salt is the smallest whose id no
 * earlier part holds. A salted page keeps, for each smaller salt, the id it had with it (its first,
 * its unsalted id): the next build prepares it with its salt straight away (its part's key then
 * matches, and the part can be copied) and checks those ids against the earlier parts again; where
 * one of them is free now (the other page changed), the salt goes down to it, as a clean build's
 * would never have gone past it.
 */

/** A salted page's state: its salt (0: none) and the ids it had with each smaller salt (`ids[0]`: unsalted). */
export interface Salt {
  salt: number;
  /** Ids of the page with salts 0 … salt − 1, each held by an earlier part when it was tried; `ids.length === salt`. */
  ids: readonly string[];
}

/** What an index part holds, as far as its ids go. */
export interface PartIds {
  /** Every page id of the part (its `fragment/<id>.pf_fragment` files). */
  ids: readonly string[];
  /** The part's salted pages, by their current id. */
  salted: ReadonlyMap<string, Salt>;
}

/** A change the ids call for: pages of one part (by their current id) and their new salts. */
export interface SaltChange {
  part: number;
  salts: Map<string, Salt>;
}

/**
 * The first part (in part order) whose pages' salts must change, with their new salts, or undefined
 * when every page id is unique and every salt is the one a clean build would give. Only the first:
 * once it is indexed again its ids change, and the parts after it are to be checked against those.
 */
export function nextSaltChange(parts: readonly PartIds[]): SaltChange | undefined {
  const taken = new Set<string>();
  for (const [k, part] of parts.entries()) {
    for (const id of part.salted.keys()) if (!part.ids.includes(id)) throw new Error(`search index: part ${k + 1} holds no page ${id}, which it lists as salted`);
    const salts = new Map<string, Salt>();
    for (const id of part.ids) {
      const now = part.salted.get(id) ?? { salt: 0, ids: [] };
      const wanted = saltFor(now, id, taken);
      if (wanted.salt !== now.salt) salts.set(id, wanted);
    }
    if (salts.size) return { part: k, salts };
    for (const id of part.ids) taken.add(id);
  }
  return undefined;
}

/**
 * The salt a page should have, given the ids the earlier parts hold: the smallest whose id is free,
 * among those whose ids are known (the smaller salts' and the current one's), else one more than the
 * current salt (its id is yet to be learnt: the part is indexed again).
 */
export function saltFor(now: Salt, id: string, taken: ReadonlySet<string>): Salt {
  if (now.ids.length !== now.salt) throw new Error(`search index: a page with salt ${now.salt} must keep ${now.salt} earlier ids, not ${now.ids.length}`);
  const known = [...now.ids, id];
  const free = known.findIndex((x) => !taken.has(x));
  if (free === now.salt) return now;
  const salt = free < 0 ? known.length : free;
  return { salt, ids: known.slice(0, salt) };
}

/** Whether a salt read from a previous site's manifest is one (else the page is prepared without). */
export const isSalt = (x: unknown): x is Salt =>
  typeof x === "object" && x !== null && Number.isInteger((x as Salt).salt) && (x as Salt).salt > 0 && Array.isArray((x as Salt).ids) && (x as Salt).ids.length === (x as Salt).salt && (x as Salt).ids.every((id) => typeof id === "string");

/** Rounds of indexing a part again that settleSalts allows beyond two per part (a salt taken away, then another given) before it gives up. */
const SPARE_ROUNDS = 16;

/**
 * Index parts again until nextSaltChange has nothing left: `reindex(k, salts)` indexes part `k` with
 * the pages (by their current id) given new salts and answers with the part's ids. Bounded: a part
 * is settled once every part before it is, and a page needs another salt only when its id meets an
 * earlier part's (odds of one in 268 million per pair of pages). Returns the rounds taken.
 */
export async function settleSalts(parts: PartIds[], reindex: (k: number, salts: Map<string, Salt>) => Promise<PartIds>): Promise<number> {
  const limit = 2 * parts.length + SPARE_ROUNDS;
  for (let round = 0; ; round++) {
    const change = nextSaltChange(parts);
    if (!change) return round;
    if (round >= limit) throw new Error(`search index: page ids still collide across parts after ${round} rounds of salting (part ${change.part + 1})`);
    parts[change.part] = await reindex(change.part, change.salts);
  }
}
