/**
 * Who a claim's speaker is, across articles: pure rules, no I/O. Two mentions are the same person only
 * when something says so — the same full name, or the same single name with a compatible title or
 * affiliation. A surname alone never joins two articles' speakers ("two Smiths are two people").
 */

/** Speaker types that get a record; the publication itself and unknown speakers do not. */
export const REGISTRY_TYPES = ['official', 'expert', 'source', 'person', 'organization', 'media'] as const;
const PEOPLE = new Set(['official', 'expert', 'person', 'source']);

export interface SpeakerMention {
  name: string | null;
  type: string;
  anonymous: boolean;
  title: string | null;
  affiliation: string | null;
}

/** How a mention is found again: by keys shared across articles, or only within its own article. */
export type Identity =
  | { scope: 'global'; keys: string[]; fullName: boolean }
  | { scope: 'article'; key: string }
  | { scope: 'none' };

// Honorifics in front of a name say nothing about who it is.
const HONORIFIC = /^(mr|mrs|ms|miss|dr|prof|sir|dame|rev|gen|col|sen|rep|gov|pres)\.?$/;

/** Lower case, no accents, no punctuation but inner hyphens and apostrophes, single spaces. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}'\- ]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !HONORIFIC.test(w))
    .join(' ')
    .replace(/^the /, '');
}

/** The class a key lives in: a person and an organisation of the same name are never one speaker. */
const kind = (type: string) => (PEOPLE.has(type) ? 'p' : 'o');

export function identityOf(m: SpeakerMention): Identity {
  if (!(REGISTRY_TYPES as readonly string[]).includes(m.type) || !m.name) return { scope: 'none' };
  const name = normaliseName(m.name);
  if (!name) return { scope: 'none' };
  // Anonymous sources ("a senior official") are one speaker within an article, never across articles.
  if (m.anonymous) return { scope: 'article', key: `${kind(m.type)}:${name}` };
  if (kind(m.type) === 'o') return { scope: 'global', keys: [`o:${name}`], fullName: true };
  if (name.includes(' ')) return { scope: 'global', keys: [`p:${name}`], fullName: true };
  // A single name joins another article's speaker only with the same title or affiliation beside it.
  const context = [m.title, m.affiliation].filter((x): x is string => !!x).map(normaliseName);
  if (!context.length) return { scope: 'article', key: `p:${name}` };
  return { scope: 'global', keys: context.map((c) => `p:${name}|${c}`), fullName: false };
}

/** Keys a speaker record is matched by, for its canonical name and its context. */
export function matchKeysOf(m: SpeakerMention): string[] {
  const id = identityOf(m);
  return id.scope === 'global' ? id.keys : [];
}

/**
 * Among records sharing a key (an editor may have split one name into two people), the one whose title
 * or affiliation agrees with the mention, else the oldest.
 */
export function pickCandidate<T extends { title: string | null; affiliation: string | null }>(
  m: SpeakerMention,
  candidates: T[],
): T | undefined {
  const agrees = (a: string | null, b: string | null) => !!a && !!b && normaliseName(a) === normaliseName(b);
  return (
    candidates.find((c) => agrees(c.affiliation, m.affiliation)) ??
    candidates.find((c) => agrees(c.title, m.title)) ??
    candidates[0]
  );
}
