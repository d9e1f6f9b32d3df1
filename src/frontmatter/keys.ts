/**
 * Which key each front-matter line is: a known key (perhaps in another letter case), a second
 * spelling of one already seen, a near miss of a known key, or a key the site does not use; and the
 * old key names folded into the keys that replaced them.
 */
import { closest, distance } from "fastest-levenshtein";
import type { LocalDiagnostic } from "../diagnostics.js";
import { caseVariantOf } from "./leniency.js";
import { FILE_START, keyCase, keyDeprecated, keyDuplicate, keyMisspelled, keyUnknown, type Position } from "./messages.js";
import { KEY_ALIASES, KNOWN_KEYS } from "./schema.js";

/** What a key as written stands for, and what to tell the author about its spelling. */
export type KeyReading =
  | { kind: "known"; key: string; diagnostic?: LocalDiagnostic }
  | { kind: "duplicate"; diagnostic: LocalDiagnostic }
  | { kind: "unknown"; key: string; diagnostic: LocalDiagnostic };

/** Reads the keys of one post's front matter, in the order they are written. */
export class KeySpellings {
  /** The spelling and line each known key was first written with, for a second spelling of it. */
  private readonly written = new Map<string, { asWritten: string; line: number }>();

  /** The key `asWritten` (at `pos`) stands for. */
  read(asWritten: string, pos: Position): KeyReading {
    const variantOf = caseVariantOf(asWritten);
    const key = variantOf ?? asWritten;
    if (!KNOWN_KEYS.includes(key)) return { kind: "unknown", key, diagnostic: unknownKey(key, pos) };
    const first = this.written.get(key);
    if (first !== undefined) return { kind: "duplicate", diagnostic: keyDuplicate(pos, key, first.asWritten, first.line, asWritten) };
    this.written.set(key, { asWritten, line: pos.line });
    return variantOf ? { kind: "known", key, diagnostic: keyCase(pos, asWritten, key) } : { kind: "known", key };
  }
}

/**
 * An unknown key: an error when it is a near miss of a known key (a swapped or missing letter is
 * almost surely a typo that would lose the value), a warning otherwise.
 */
function unknownKey(key: string, pos: Position): LocalDiagnostic {
  const suggestion = closest(key.toLowerCase(), KNOWN_KEYS as string[]);
  if (key.length > 2 && distance(key.toLowerCase(), suggestion) <= (key.length >= 4 ? 2 : 1)) return keyMisspelled(pos, key, suggestion);
  return keyUnknown(pos, key);
}

/**
 * Merge the values of old key names into the keys that replaced them (`companies` into
 * `companies_orgs`), in place, with a warning at each old key; the merged key is placed where the
 * old one was written when the new one was not.
 */
export function foldAliases(input: Record<string, unknown>, keyPos: Map<string, Position>, diagnostics: LocalDiagnostic[]): void {
  for (const [alias, target] of Object.entries(KEY_ALIASES)) {
    if (!(alias in input)) continue;
    const pos = keyPos.get(alias) ?? FILE_START;
    diagnostics.push(keyDeprecated(pos, alias, target));
    input[target] = [input[target], input[alias]].flatMap((v) => (v == null ? [] : Array.isArray(v) ? v : [v]));
    delete input[alias];
    if (!keyPos.has(target)) keyPos.set(target, pos);
  }
}
