import type { SpeakerType } from '../types';
import { orgHeadType, roleType } from './lexicon';

/**
 * Bodies named in capitals that a word-by-word reading would take for people: "the Port of Rotterdam Authority"
 * (not a person called "Port"), "Procter & Gamble", "the Institute for Fiscal Studies", "Texas Right to Life",
 * "Ukraine's General Staff", and the possessives that are part of a body's name ("Children's Hospital").
 */
export interface NamedBody {
  name: string;
  nameTokens: string[];
  institution: true;
  type: SpeakerType;
  title: string | null;
}

/**
 * "The Port of Rotterdam Authority", "the Church of England": a capitalised word that is no role, then "of" and a
 * capitalised run, is one body's name — not a person called "Port" or "Church" with an affiliation. Bodies whose
 * first word is a role ("the Bank of England", "the Ministry of Defence") are read as roles already; nobility and
 * clergy ("the Duke of Sussex", "the Archbishop of Canterbury") are people.
 */
const OF_BODY = /^(?:[Tt]he\s+)?(\p{Lu}\p{Ll}+)\s+of\s+(?:the\s+)?\p{Lu}[\p{L}.&'’-]*(?:\s+\p{Lu}[\p{L}.&'’-]*){0,3}$/u;
const PEOPLE_OF =
  /^(?:duke|duchess|prince|princess|earl|count|countess|archbishop|bishop|lord|lady|baron|baroness|marquess|viscount|emperor|empress|sultan|emir|sheikh|pope|patriarch|head|chief|director|secretary|minister|speaker)$/i;

/**
 * "Engine maker Pratt & Whitney", "Procter & Gamble": names joined by an ampersand are a firm's name (people are
 * joined by "and"), whatever words describe it before.
 */
const AMPERSAND_BODY =
  /^(?:([\p{L} -]*?)\s+)?(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*)? & \p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*)?)$/u;

/**
 * "The Communications Workers of America", "the United Auto Workers", "the American Federation of Teachers", "the
 * Teamsters": a capitalised name ending on working people (and their place) is a union's, not a person called
 * "Workers" or someone from "America". At least one more capitalised word: "Workers said" opening a sentence is people.
 */
const MEMBERS =
  'Workers|Teachers|Nurses|Employees|Machinists|Steelworkers|Mineworkers|Electricians|Pilots|Firefighters';
const UNION_BODY = new RegExp(
  String.raw`^(?:[Tt]he\s+)?((?:\p{Lu}[\p{L}.&'’-]*\s+){1,4}(?:of\s+)?(?:${MEMBERS})(?:\s+(?:of|in)\s+(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2})?(?:\s+Union)?|Teamsters)$`,
  'u',
);

export function namedBody(text: string): NamedBody | null {
  const union = UNION_BODY.exec(text);
  if (union?.[1]) {
    const nameTokens = union[1].split(/\s+/);
    return { name: union[1], nameTokens, institution: true, title: null, type: 'organization' };
  }
  const firm = AMPERSAND_BODY.exec(text);
  if (firm?.[2]) {
    const described = firm[1]?.replace(/^the\s*/i, '') || null;
    return { name: firm[2], nameTokens: firm[2].split(' '), institution: true, title: described, type: 'organization' };
  }
  const m = OF_BODY.exec(text);
  const first = m?.[1];
  if (!m || !first || PEOPLE_OF.test(first) || roleType(first) || orgHeadType(first)) return null;
  const nameTokens = m[0].replace(/^the\s+/i, '').split(/\s+/);
  const last = nameTokens[nameTokens.length - 1] ?? '';
  return {
    name: nameTokens.join(' '),
    nameTokens,
    institution: true,
    title: null,
    type: orgHeadType(last) ?? 'organization',
  };
}

const CAP = String.raw`\p{Lu}[\p{L}.&'’-]*`;
const CONNECTED_BODY = new RegExp(
  String.raw`^(?:[Tt]he\s+)?((?:${CAP}\s+){0,3}?(${CAP}))\s+(for|to|and)\s+(?:the\s+)?${CAP}(?:\s+${CAP}){0,3}` +
    String.raw`(?:\s+(?:and|of|for|on)\s+(?:the\s+)?${CAP}(?:\s+${CAP}){0,2})?$`,
  'u',
);

/**
 * "the Institute for Fiscal Studies", "Texas Right to Life": capitalised words joined by "for", "to" or "and", the
 * first part ending on a body's head ("Institute", "Center", "Committee"), or joined by "to" (no person's name holds
 * "to"). Bodies named with "of" ("Bank of Japan") are read below and in typing.ts. Read word by word, "Life" was a person titled "to". Not "Ambassador to Russia Michael
 * McFaul": a role word makes it a title, read elsewhere.
 */
export function connectedBody(text: string): NamedBody | null {
  const m = CONNECTED_BODY.exec(text);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  const lead = m[1].split(/\s+/);
  // A body's head ("Institute") may also type a person ("institute fellow"); a person's role word may not lead.
  if (lead.some((w) => (roleType(w) && !orgHeadType(w)) || PEOPLE_OF.test(w))) return null;
  const headType = orgHeadType(m[2]);
  if (!headType && m[3] !== 'to') return null;
  const nameTokens = m[0].replace(/^the\s+/i, '').split(/\s+/);
  const type = orgHeadType(nameTokens[nameTokens.length - 1] ?? '') ?? headType ?? 'organization';
  return { name: nameTokens.join(' '), nameTokens, institution: true, title: null, type };
}

/**
 * "Covenant Children's Hospital", "St. Mary's Hospital": a capitalised possessive followed only by capitalised words
 * that end on a body's head is part of that body's name, not its owner.
 */
export function possessiveInBodyName(tokens: string[], at: number): boolean {
  const saint = /^(?:St\.|Saint)$/.test(tokens[at - 1] ?? '');
  if (!saint && !NAMING_POSSESSIVES.has(tokens[at]!.toLowerCase().replace(/’/g, "'"))) return false;
  for (let k = at + 1; k < tokens.length; k++) if (!/^\p{Lu}/u.test(tokens[k]!)) return false;
  return orgHeadType(tokens[tokens.length - 1]!) !== null;
}

// Possessives that name who a body serves ("Children's Hospital", "People's Bank"), not who owns it.
const NAMING_POSSESSIVES = new Set([
  "children's",
  "women's",
  "men's",
  "people's",
  "veterans'",
  "workers'",
  "teachers'",
  "nurses'",
]);

const GENERAL_STAFF = /^(?:the\s+)?(?:(\p{Lu}[\p{L}'’.-]*?)(?:['’]s)?\s+)?General\s+Staff(?:\s+(of\s+.+))?$/u;

/** "Ukraine's General Staff": the army's command, not a general called Staff (its country is the affiliation). */
export function generalStaff(text: string): (NamedBody & { affiliation: string | null }) | null {
  const m = GENERAL_STAFF.exec(text);
  if (!m) return null;
  const name = `General Staff${m[2] ? ` ${m[2]}` : ''}`;
  return {
    name,
    nameTokens: name.split(' '),
    institution: true,
    title: null,
    affiliation: m[1] ?? null,
    type: 'official',
  };
}
