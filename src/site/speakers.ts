/** The speakers of a transcript: who speaks how often, and the colour each keeps through the page. */
import type { Transcript } from "../transcript/model.js";

/** One speaker of a transcript and the number of turns they open. */
export interface SpeakerCount {
  name: string;
  turns: number;
}

/** How many colours the palette of site.css has (`[data-speaker="0"]` … `[data-speaker="5"]`). */
export const SPEAKER_COLOURS = 6;

/** Each speaker of a transcript with the number of turns they speak, most first (ties in order of appearance). */
export function speakerTurns(transcript: Transcript): SpeakerCount[] {
  const counts = new Map<string, number>();
  for (const section of transcript.sections) for (const turn of section.turns) if (turn.speaker) counts.set(turn.speaker, (counts.get(turn.speaker) ?? 0) + 1);
  // Array.prototype.sort is stable, so equal counts keep the order of first appearance.
  return [...counts].map(([name, turns]) => ({ name, turns })).sort((a, b) => b.turns - a.turns);
}

/**
 * Speaker name → colour slot (0 … SPEAKER_COLOURS-1), in the order of `speakers` (most turns first),
 * so the two main voices of an interview always get the two most distinct colours.
 */
export function speakerSlots(speakers: readonly SpeakerCount[]): Record<string, number> {
  const slots: Record<string, number> = Object.create(null) as Record<string, number>;
  speakers.forEach((s, i) => {
    slots[s.name] = i % SPEAKER_COLOURS;
  });
  return slots;
}
