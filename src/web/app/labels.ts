// Words for the newsroom: the API's workflow names as people say them.
const STATUS: Record<string, string> = {
  unreviewed: 'Not reviewed',
  flagged: 'Flagged',
  in_review: 'In review',
  reviewed: 'Reviewed',
  dismissed: 'Dismissed',
  superseded: 'Superseded',
  queued: 'Queued',
  processing: 'Extracting',
  extracted: 'Extracted',
  failed: 'Failed',
};
export const VERDICTS: [string, string][] = [
  ['true', 'True'],
  ['mostly_true', 'Mostly true'],
  ['mixed', 'Mixed'],
  ['mostly_false', 'Mostly false'],
  ['false', 'False'],
  ['misleading', 'Misleading'],
  ['unverifiable', 'Unverifiable'],
];
const VERDICT = Object.fromEntries(VERDICTS);
const SPEAKER_TYPE: Record<string, string> = {
  official: 'Official',
  expert: 'Expert',
  source: 'Unnamed source',
  person: 'Person',
  organization: 'Organisation',
  media: 'Media',
  publication: 'The publication',
  unknown: 'Unknown',
};
const KIND: Record<string, string> = {
  direct: 'quoted directly',
  indirect: 'reported speech',
  mixed: 'partly quoted',
  hedged: 'hedged, without a firm source',
};
export const PRIORITIES: [string, string][] = [
  ['low', 'Low'],
  ['normal', 'Normal'],
  ['high', 'High'],
  ['urgent', 'Urgent'],
];
const MOVE: Record<string, string> = {
  flagged: 'Flag for verification',
  in_review: 'Take into review',
  reviewed: 'Give a verdict',
  dismissed: 'Dismiss',
};

const humanise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replace(/_/g, ' ');
export const statusLabel = (s: string) => STATUS[s] ?? humanise(s);
export const verdictLabel = (v: string | null | undefined) => (v ? (VERDICT[v] ?? humanise(v)) : 'No verdict');
export const speakerTypeLabel = (t: string) => SPEAKER_TYPE[t] ?? humanise(t);
export const kindLabel = (k: string) => KIND[k] ?? k;
export const priorityLabel = (p: string) => humanise(p);
export const moveLabel = (to: string, from: string) =>
  from === 'reviewed' && to === 'in_review' ? 'Reopen' : (MOVE[to] ?? humanise(to));
export const roleLabel = (r: string | null | undefined) => (r ? humanise(r) : 'System');

/** The speaker as a reader would name them: never "none (unknown)". */
export function speakerName(s: { name: string | null; mention?: string | null; anonymous?: boolean; type: string }) {
  // Resolved names can be descriptions in running text ("an unnamed official"): capitalised as a label.
  const named = s.name ?? s.mention;
  if (named) return named.charAt(0).toUpperCase() + named.slice(1);
  if (s.anonymous || s.type === 'source') return 'An unnamed source';
  if (s.type === 'publication') return 'The publication';
  return 'Unknown speaker';
}

export function formatDate(iso: string | null | undefined, withTime = false): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return withTime
    ? d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
    : d.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

export const percent = (x: number) => `${Math.round(x * 100)} %`;
