import { fixCueEdges } from '../../src/extraction/detect/cue-edges';
import { trimSpeakerLinks } from '../../src/extraction/detect/speaker-edges';
import { type Draft, run } from '../../src/extraction/detect/draft';
import type { TagRun } from '../../src/extraction/detect/spans';
import { tokenize } from '../../src/extraction/detect/tokenize';

const LEARNED = new Set(['according to', 'referring to']);

/** Tokenizes `text`, places a draft with runs given as [first word, last word] (token texts), fixes its cue. */
function fix(text: string, roles: { cue: [string, string]; source: [string, string]; content: [string, string] }) {
  const tokens = tokenize(text);
  const words = tokens.map((t) => t.text.toLowerCase());
  const at = (w: string) => tokens.findIndex((t) => t.text === w);
  const runOf = ([a, b]: [string, string]) => run(at(a), at(b));
  const d: Draft = {
    cue: [runOf(roles.cue)],
    source: [runOf(roles.source)],
    content: [runOf(roles.content)],
    origin: 'tagger',
    confidence: 0.7,
  };
  const out = fixCueEdges(tokens, words, d, LEARNED);
  const say = (r: TagRun | undefined) => (r ? text.slice(tokens[r.first]!.start, tokens[r.last]!.end) : '');
  return { cue: say(out.cue[0]), source: say(out.source[0]) };
}

describe('cue edges', () => {
  test('when a cue ends on the preposition of a time after "said", then the cue is "said" alone', () => {
    const got = fix('The mayor said on Friday that the bridge would reopen.', {
      cue: ['said', 'on'],
      source: ['The', 'mayor'],
      content: ['that', 'reopen'],
    });
    expect(got.cue).toBe('said');
  });

  test('when a cue ends on an infinitive\'s "to", then "to" leaves the cue, but a learned pair keeps it', () => {
    const infinitive = fix('The regulator refused to comment on the fines.', {
      cue: ['refused', 'to'],
      source: ['The', 'regulator'],
      content: ['comment', 'fines'],
    });
    expect(infinitive.cue).toBe('refused');
    const learned = fix('The councillor was referring to the closure of the library.', {
      cue: ['referring', 'to'],
      source: ['The', 'councillor'],
      content: ['the', 'library'],
    });
    expect(learned.cue).toBe('referring to');
  });

  test('when a pronoun speaker carries a contracted "is", then the contraction moves into the cue', () => {
    const got = fix('She’s warning that rents will rise again.', {
      cue: ['warning', 'warning'],
      source: ['She', 's'],
      content: ['that', 'again'],
    });
    expect(got).toEqual({ cue: '’s warning', source: 'She' });
  });

  test('when a name carries a possessive before a cue noun, then speaker and cue stay as they are', () => {
    const got = fix('Ofgem’s warning that bills will rise was ignored.', {
      cue: ['warning', 'warning'],
      source: ['Ofgem', 'Ofgem'],
      content: ['that', 'rise'],
    });
    expect(got).toEqual({ cue: 'warning', source: 'Ofgem' });
  });

  test('when a source opens with "But", then the speaker starts at the next word, and a one-word source stays', () => {
    const tokens = tokenize('But the harbour master said the pier was safe');
    const words = tokens.map((t) => t.text.toLowerCase());
    const d: Draft = { cue: [run(4, 4)], source: [run(0, 3)], content: [run(5, 8)], origin: 'tagger', confidence: 0.7 };
    expect(trimSpeakerLinks(words, tokens, d).source).toEqual([run(1, 3)]);
    const alone: Draft = { ...d, source: [run(0, 0)] };
    expect(trimSpeakerLinks(words, tokens, alone).source).toEqual([run(0, 0)]);
  });

  test('when a source opens with a relative "that" before its subject, then the subject speaks; "that person" stays', () => {
    const tokens = tokenize('a move that analysts said could escalate . that person said it');
    const words = tokens.map((t) => t.text.toLowerCase());
    const d: Draft = { cue: [run(4, 4)], source: [run(2, 3)], content: [run(5, 6)], origin: 'tagger', confidence: 0.7 };
    expect(trimSpeakerLinks(words, tokens, d).source).toEqual([run(3, 3)]);
    const demonstrative: Draft = { ...d, cue: [run(10, 10)], source: [run(8, 9)], content: [run(11, 11)] };
    expect(trimSpeakerLinks(words, tokens, demonstrative).source).toEqual([run(8, 9)]);
  });
});
