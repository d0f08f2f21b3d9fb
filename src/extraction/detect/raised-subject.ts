import type { Draft } from './draft';

/**
 * "Trump is expected to deliver a victory speech later tonight", "Melania seems to have vanished from the
 * campaign trail": a raising verb says how things look to the writer, not what its grammatical subject said. The
 * taggers read the subject as the speaker; PolNeAR annotates such sentences as attributions without a source whose
 * content holds the subject and the infinitive ("Trump … to deliver a victory speech later tonight"). PolNeAR
 * train, before this step: of the 107 claims with a raising cue, a speaker and a content opening with "to", 3 were
 * gold attributions. "Voters seem to care more about being inspired" is the writer's, not the voters', claim.
 */
const RAISING = new Set(['seem', 'seems', 'seemed', 'appear', 'appears', 'appeared', 'expected']);
// "he seems to feel the case will be litigated", "Voters seem to care more about …": a mind or a stance after the
// raising verb is the subject's own, and PolNeAR keeps the subject as the source.
const MIND = new Set(
  'feel think believe recognize recognise understand care know suggest acknowledge agree accept want say indicate confirm endorse support favor favour signal realize realise hint'.split(
    ' ',
  ),
);

export function raisedSubject(words: string[], d: Draft): Draft {
  const cue = d.cue[d.cue.length - 1];
  const k = d.content[0];
  if (!cue || !k || d.cue.length !== 1 || d.source.length !== 1 || d.content.length !== 1) return d;
  if (!RAISING.has(words[cue.last]!) || words[k.first] !== 'to' || k.first !== cue.last + 1) return d;
  if (MIND.has(words[k.first + 1]!)) return d;
  const subject = d.source[0]!;
  // Only the subject of the clause: right before the cue (an adverb or auxiliary may sit between).
  if (subject.last >= d.cue[0]!.first || d.cue[0]!.first - subject.last > 3) return d;
  return { ...d, source: [], content: [subject, k] };
}

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const PERFECT = new Set(['has', 'have', 'had']);
const PARTICIPLE = /^(?:\p{L}+(?:ed|en|wn)|thought|said|seen|known|taught|sought|told|held|brought|caught|dubbed)$/u;
// "Protesters were frustrated that …", "we are convinced this is …": a state of mind is its holder's stance, and
// PolNeAR gives it the subject as source (train: 21 of 33 such claims right). "was quoted as saying", "was heard
// saying": the subject did speak.
const STANCE = new Set(
  'concerned outraged shocked convinced worried divided frustrated tired intrigued assured satisfied pleased disappointed alarmed surprised encouraged excited interested upset angered troubled confused disturbed determined prepared committed opposed'.split(
    ' ',
  ),
);
const SPOKE = new Set(['quoted', 'heard', 'overheard', 'recorded', 'caught', 'filmed', 'reported']);

/**
 * "He has been harshly criticized for policies …", "Mr. Quiros was accused of using $50 million …": in a passive
 * cue the subject is who the words are about, not who said them, and the critics or accusers go unnamed (PolNeAR:
 * no source). The taggers make the subject the speaker — a claim pinned on the wrong person — so the source goes.
 */
export function passiveSubject(words: string[], d: Draft): Draft {
  const cue = d.cue[0];
  if (!cue || d.cue.length !== 1 || d.source.length === 0) return d;
  const w = words.slice(cue.first, cue.last + 1);
  let i = 0;
  if (PERFECT.has(w[0]!) && w[1] === 'been') i = 2;
  else if (BE.has(w[0]!)) i = 1;
  else return d;
  while (i < w.length - 1 && /ly$|^(?:not|never|also|often|once|long|widely|since)$/.test(w[i]!)) i++;
  const verb = w[i];
  if (!verb || !PARTICIPLE.test(verb) || STANCE.has(verb) || SPOKE.has(verb)) return d;
  // Whatever follows the participle in the cue is a preposition at most ("accused of", "criticized for").
  if (w.length - i > 2) return d;
  // The agent named after "by" is another reading ("were backed | by Mr. Kerry"); left as it is.
  if (d.source.some((s) => s.first > cue.last)) return d;
  return { ...d, source: [] };
}
