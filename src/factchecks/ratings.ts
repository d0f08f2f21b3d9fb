import type { Verdict } from '../reviews/status-machine';

/**
 * Publishers' rating names onto claimtrack's verdict scale. Only names whose meaning is settled are
 * mapped; anything else keeps its published name and no verdict, because a wrong verdict would travel
 * to every claim linked to the fact-check.
 */
const NAMES: Record<string, Verdict> = {
  true: 'true',
  correct: 'true',
  accurate: 'true',
  'mostly true': 'mostly_true',
  'mostly correct': 'mostly_true',
  'mostly accurate': 'mostly_true',
  'half true': 'mixed',
  'half truth': 'mixed',
  mixture: 'mixed',
  mixed: 'mixed',
  'partly true': 'mixed',
  'partly false': 'mixed',
  'partially true': 'mixed',
  'partially false': 'mixed',
  'mostly false': 'mostly_false',
  'mostly incorrect': 'mostly_false',
  false: 'false',
  incorrect: 'false',
  inaccurate: 'false',
  fake: 'false',
  'pants on fire': 'false',
  'four pinocchios': 'false',
  misleading: 'misleading',
  'missing context': 'misleading',
  'out of context': 'misleading',
  miscaptioned: 'misleading',
  'cherry picks': 'misleading',
  unproven: 'unverifiable',
  unverifiable: 'unverifiable',
  unverified: 'unverifiable',
  unsupported: 'unverifiable',
};

const SCALE: Verdict[] = ['false', 'mostly_false', 'mixed', 'mostly_true', 'true'];

export interface Rating {
  value: number | null;
  best: number | null;
  worst: number | null;
  name: string | null;
}

export function verdictOf(r: Rating): Verdict | null {
  if (r.name) {
    const key = r.name
      .toLowerCase()
      .replace(/[^a-z ]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (NAMES[key]) return NAMES[key];
    // A name was given but is not one we know: a number beside it may mean something else on that scale.
    if (key && r.value === null) return null;
  }
  if (r.value === null) return null;
  // Numeric ratings count only on a scale that says which end is true (schema.org defaults: 1 worst, 5 best).
  const best = r.best ?? 5;
  const worst = r.worst ?? 1;
  if (best <= worst || r.value < worst || r.value > best) return null;
  return SCALE[Math.round(((r.value - worst) / (best - worst)) * 4)] ?? null;
}
