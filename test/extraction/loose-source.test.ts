import { extractClaims } from '../../src/extraction';
import { layout } from '../../src/extraction/detect/content';
import { groupRuns } from '../../src/extraction/detect/group';
import { looseSourceRuns } from '../../src/extraction/detect/loose-source';
import type { Tagged } from '../../src/extraction/detect/tag';
import { tokenize } from '../../src/extraction/detect/tokenize';

/** Tags by word: `marks` maps a token text to the role tags it gets (B for the first of a run, I after). */
function tagged(text: string, roles: Record<'cue' | 'source' | 'content' | 'looseSource', string[]>): Tagged {
  const tokens = tokenize(text);
  const tags = (words: string[]) => {
    const out = new Uint8Array(tokens.length);
    tokens.forEach((t, i) => {
      if (words.includes(t.text)) out[i] = i > 0 && out[i - 1] ? 2 : 1;
    });
    return out;
  };
  return {
    tokens,
    words: tokens.map((t) => t.text.toLowerCase()),
    cue: tags(roles.cue),
    source: tags(roles.source),
    content: tags(roles.content),
    looseSource: { tags: tags(roles.looseSource), prob: new Float32Array(tokens.length).fill(0.5) },
  };
}

const TEXT = 'The mayor unleashed posts early Friday saying the budget was balanced.';
const runText = (t: Tagged, r: { first: number; last: number }) =>
  t.tokens
    .slice(r.first, r.last + 1)
    .map((k) => k.text)
    .join(' ');

describe('a second look for the speaker of a cue without one', () => {
  test('when the strict source tags leave a cue without speaker, then the loose run that names someone is its speaker', () => {
    const t = tagged(TEXT, {
      cue: ['saying'],
      source: [],
      content: ['the', 'budget', 'was', 'balanced'],
      looseSource: ['The', 'mayor'],
    });
    const [draft] = groupRuns(t, layout(t.tokens));
    expect(draft?.source.map((r) => runText(t, r))).toEqual(['The mayor']);
  });

  test('when a cue already has a strict source, then a loose run does not replace it', () => {
    const t = tagged('Officials said on Friday the budget was balanced.', {
      cue: ['said'],
      source: ['Officials'],
      content: ['the', 'budget', 'was', 'balanced'],
      looseSource: ['Friday'],
    });
    const [draft] = groupRuns(t, layout(t.tokens));
    expect(draft?.source.map((r) => runText(t, r))).toEqual(['Officials']);
  });

  test('when a loose run is only lowercase words that name nobody, then it is no speaker', () => {
    const t = tagged('In a televised interview saying the budget was balanced, perhaps.', {
      cue: ['saying'],
      source: [],
      content: [],
      looseSource: ['a', 'televised', 'interview', 'perhaps'],
    });
    expect(looseSourceRuns(t)).toEqual([]);
  });

  test('when the fast model tags a text, then it has no loose runs to offer', () => {
    const t = tagged(TEXT, { cue: ['saying'], source: [], content: [], looseSource: [] });
    delete t.looseSource;
    expect(looseSourceRuns(t)).toEqual([]);
  });

  test('when the accurate model reads "X unleashed posts … saying …", then the claim has a speaker', () => {
    const [claim] = extractClaims(
      'The mayor unleashed a series of posts early Friday saying that the budget was balanced.',
      { model: 'accurate' },
    );
    expect(claim?.text).toBe('the budget was balanced');
    expect(claim?.speaker.mention).toBe('The mayor');
  });
});
