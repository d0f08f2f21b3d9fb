import type { Role } from '../auth/types';

/** The verification workflow as data: from status → to status → roles that may move it (admin always may). */
export const TRANSITIONS: Record<string, Record<string, Role[]>> = {
  unreviewed: { flagged: ['editor'], dismissed: ['editor'] },
  flagged: { in_review: ['reviewer'], dismissed: ['editor'] },
  in_review: { reviewed: ['reviewer'] },
  reviewed: { in_review: ['reviewer'] },
  dismissed: {},
  superseded: {},
};

export const REVIEW_STATUSES = ['flagged', 'in_review', 'reviewed', 'dismissed'] as const;
export type ReviewTarget = (typeof REVIEW_STATUSES)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Numeric values for export; misleading and unverifiable are verdicts without a place on the scale. */
export const VERDICTS = {
  true: { value: 5, label: 'True' },
  mostly_true: { value: 4, label: 'Mostly true' },
  mixed: { value: 3, label: 'Mixed' },
  mostly_false: { value: 2, label: 'Mostly false' },
  false: { value: 1, label: 'False' },
  misleading: { value: null, label: 'Misleading' },
  unverifiable: { value: null, label: 'Unverifiable' },
} as const;
export type Verdict = keyof typeof VERDICTS;
export const VERDICT_NAMES = Object.keys(VERDICTS) as [Verdict, ...Verdict[]];

export interface AllowedTransition {
  to: string;
  roles: Role[];
}

export function allowedFrom(status: string): AllowedTransition[] {
  return Object.entries(TRANSITIONS[status] ?? {}).map(([to, roles]) => ({ to, roles: ['admin', ...roles] }));
}

export type TransitionCheck = { ok: true } | { ok: false; reason: 'not_allowed' | 'role' };

export function checkTransition(from: string, to: string, role: Role): TransitionCheck {
  const roles = TRANSITIONS[from]?.[to];
  if (!roles) return { ok: false, reason: 'not_allowed' };
  if (role !== 'admin' && !roles.includes(role)) return { ok: false, reason: 'role' };
  return { ok: true };
}

/** What each target status asks of the request, beyond being allowed. */
export function missingFields(
  from: string,
  to: string,
  input: { verdict?: string; note?: string; priority?: string },
): string[] {
  const missing: string[] = [];
  const needsNote =
    to === 'reviewed' || to === 'dismissed' || to === 'flagged' || (from === 'reviewed' && to === 'in_review');
  if (needsNote && !input.note?.trim()) missing.push('note');
  if (to === 'reviewed' && !input.verdict) missing.push('verdict');
  return missing;
}
