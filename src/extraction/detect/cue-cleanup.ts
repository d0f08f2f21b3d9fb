import type { Tagged } from './tag';

/**
 * "Paxton said he was disappointed by the ruling": the cue tagger also marks "was disappointed", which opens the
 * reported clause, as a second cue; it would take the clause's subject as its speaker and swallow the next
 * quotation. A cue starting with a form of "be" right after "said he/she/they" is part of the content.
 */
const BE = new Set(['was', 'is', 'were', 'are', 'been', 'had', 'has']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const REPORTING = new Set(['said', 'says', 'say', 'told', 'tells', 'added', 'adds']);

export function dropCuesInReportedClause(t: Tagged): Tagged {
  const { words, cue } = t;
  let cleaned: Uint8Array | null = null;
  for (let i = 2; i < words.length; i++) {
    if (cue[i] !== 1 || !BE.has(words[i]!) || !SUBJECT_PRONOUNS.has(words[i - 1]!)) continue;
    if (!cue[i - 2] || !REPORTING.has(words[i - 2]!)) continue;
    cleaned ??= cue.slice();
    for (let k = i; k < words.length && (k === i || cleaned[k] === 2); k++) cleaned[k] = 0;
  }
  return cleaned ? { ...t, cue: cleaned } : t;
}
