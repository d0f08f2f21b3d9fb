import type { DetectedAttribution } from '../detect';
import { MEDIA_NAMES } from './lexicon';
import { type ParsedMention, parseMention } from './mention';
import { firstStart } from './text';

/**
 * "'We will not be the last town to flood': an interview with Mayor Jan Peeters": in a Q/A interview the answers
 * ("A: …") are the interviewee's, and the article names them near its top. Only there, only a capitalised name
 * after "interview with" (not an outlet: "in an interview with CNN") or before "sat down with our correspondent",
 * and only for the answers: anything else the interviewee says is attributed as usual.
 */
/** A run of capitalised words ending a name, `min` to `max` words before the last. */
const capitalised = (min: number, max: number) =>
  String.raw`(?:\p{Lu}[\p{L}.'’-]*[ \t]+){${min},${max}}\p{Lu}[\p{L}'’-]+`;
const INTERVIEW_WITH = new RegExp(
  String.raw`\b(?:interview|conversation|Q&A|Q and A) with ((?:(?:the|former)[ \t]+)?${capitalised(0, 4)})`,
  'u',
);
// "Finance Minister Helena Varga sat down with our correspondent": the newsroom's own interview. A lowercase title
// before the name comes with it ("The health secretary, Wes Streeting, sat down …"): it types the interviewee.
const SAT_DOWN_WITH = new RegExp(
  String.raw`((?:[Tt]he[ \t]+(?:[\p{Ll}-]+[ \t]+){0,3}[\p{Ll}-]+,[ \t]+)?${capitalised(1, 5)}),?[ \t]+(?:sat down|spoke|talked)[ \t]+(?:with|to)[ \t]+(?:our|this)[ \t]+` +
    String.raw`(?:correspondent|reporter|editor|newspaper|paper|magazine|podcast|programme|program|site)\b`,
  'u',
);
// "Mexico's Economy Minister Marcelo Ebrard spoke to Reuters on Tuesday": an outlet's interview, the outlet named.
const SPOKE_TO_OUTLET = new RegExp(
  String.raw`(${capitalised(1, 5)}),?[ \t]+(?:sat down|spoke|talked)[ \t]+(?:with|to)[ \t]+((?:the[ \t]+)?${capitalised(0, 3)})`,
  'u',
);
const outletInterview = (top: string): string | undefined => {
  const m = SPOKE_TO_OUTLET.exec(top);
  return m?.[2] && parseMention(m[2]).type === 'media' ? m[1] : undefined;
};
// How far into the article the interviewee is looked for: headline, standfirst and first paragraphs.
const TOP = 1200;

export function intervieweeOf(text: string): ParsedMention | null {
  const top = text.slice(0, TOP);
  const found = INTERVIEW_WITH.exec(top)?.[1] ?? SAT_DOWN_WITH.exec(top)?.[1] ?? outletInterview(top);
  if (!found) return null;
  const m = parseMention(found);
  if (!m.name || m.institution || m.plural || m.type === 'media' || MEDIA_NAMES.has(m.name.toLowerCase())) return null;
  return m;
}

/** An answer of a Q/A interview: the colon rule's "A: …" draft, with no speaker of its own. */
export function isAnswer(text: string, d: DetectedAttribution): boolean {
  if (d.source.length || d.cue.length !== 1 || d.origin !== 'rule') return false;
  const [a, b] = d.cue[0]!;
  if (text.slice(a, b) !== ':') return false;
  const line = text.lastIndexOf('\n', a - 1) + 1;
  return /^\s*(?:A|Answer)\s*$/i.test(text.slice(line, a)) && firstStart(d.content) > a;
}
