/**
 * The claim model shared by the extractor, the worker, the API and the tests.
 * Offsets are UTF-16 code-unit indices into the exact input string, end exclusive,
 * so `text.slice(start, end)` gives each part back.
 */
export type Span = [start: number, end: number];

export type ClaimKind = 'direct' | 'indirect' | 'mixed' | 'hedged';

export const SPEAKER_TYPES = [
  'official',
  'expert',
  'source',
  'person',
  'organization',
  'media',
  'publication',
  'unknown',
] as const;
export type SpeakerType = (typeof SPEAKER_TYPES)[number];

export interface Speaker {
  /** The words naming the speaker in this sentence ("He", "the person", "an official"); null when there is none. */
  mention: string | null;
  /** The resolved speaker ("Ban Kil-joo"), or a description for unnamed ones ("an unnamed official"). */
  name: string | null;
  type: SpeakerType;
  anonymous: boolean;
  title: string | null;
  affiliation: string | null;
}

export interface ClaimSpans {
  content: Span[];
  source: Span[];
  cue: Span[];
}

export interface ExtractedClaim {
  text: string;
  kind: ClaimKind;
  cue: string | null;
  speaker: Speaker;
  /** Attribution chain when relayed: "told local media" gives ["local media"]. */
  via: string[];
  hedges: string[];
  checkworthy: number;
  confidence: number;
  spans: ClaimSpans;
}

export interface ExtractorInfo {
  name: string;
  version: string;
  /** `fast` or `accurate`: which model made the claims (stored with each claim). */
  model?: string;
}
