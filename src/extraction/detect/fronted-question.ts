import { type Draft, isPunct, run } from './draft';
import type { Token } from './tokenize';

/**
 * "Asked whether the ruling would affect the primaries, Brad Raffensperger told reporters his office was “prepared
 * for any outcome.”": the taggers sometimes take the fronted question for the content and join "Asked" to the cue.
 * The question is the reporters'; what the speaker said follows the speaker's own verb, to the sentence's end.
 */
export function answerNotQuestion(tokens: Token[], words: string[], d: Draft): Draft {
  const asked = d.cue[0];
  const k = d.content[0];
  const source = d.source[0];
  if (!asked || !k || !source || d.content.length !== 1 || d.cue.length < 2) return d;
  const sent = tokens[asked.first]!.sent;
  const fronted = words[asked.first] === 'asked' && tokens[asked.first - 1]?.sent !== sent;
  if (!fronted || asked.first !== asked.last || k.first <= asked.last || k.last >= source.first) return d;
  const verb = d.cue[d.cue.length - 1]!;
  if (verb.first < source.last || tokens[verb.last]!.sent !== sent) return d;
  let end = verb.last;
  while (tokens[end + 1]?.sent === sent) end++;
  while (end > verb.last && isPunct(tokens[end]) && tokens[end]!.quote !== 'close') end--;
  if (end <= verb.last) return d;
  return { ...d, cue: d.cue.slice(1), content: [run(verb.last + 1, end)] };
}

/**
 * "Asked about his future, he said …": the fronted question is a statement of its own (PolNeAR draws "Asked" as a
 * cue over the question), but the speaker named after it is the one who answered, not who asked (train: 45 such
 * cues, 41 with no source); the taggers give it the answer's speaker. The question keeps no source.
 */
export function questionNotAnswerer(tokens: Token[], words: string[], d: Draft): Draft {
  const asked = d.cue[0];
  const k = d.content[0];
  const source = d.source[0];
  if (!asked || !k || !source || d.cue.length !== 1) return d;
  const sent = tokens[asked.first]!.sent;
  const fronted = words[asked.first] === 'asked' && tokens[asked.first - 1]?.sent !== sent;
  if (!fronted || source.first <= k.last || tokens[source.first]!.sent !== sent) return d;
  return { ...d, source: [] };
}
