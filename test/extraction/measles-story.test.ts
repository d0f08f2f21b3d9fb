import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS } from '../support/extracted';

/**
 * Read on a health story written for the purpose (2026-11-30). "Measles cases … have reached their highest level in
 * three decades, the Centers for Disease Control and Prevention said Wednesday, and health officials warned the
 * outbreak could worsen" gave the agency's figure to "health officials" (`accurate`), or to nobody with the rest of
 * the sentence as content (`fast`); the agency's claim then took the officials' warning as its second half.
 */
const story = fs.readFileSync(path.join(__dirname, 'fixtures', 'measles.txt'), 'utf8');

describe('a health story', () => {
  test.each(MODELS)(
    'when a trailing speaker is followed by ", and" another clause, then it keeps its words (%s)',
    (model) => {
      const c = claimWith(extractClaims(story, { model }), 'highest level in three decades');
      expect(c?.speaker).toMatchObject({ name: 'the Centers for Disease Control and Prevention', type: 'official' });
      expect(c?.text).toBe('Measles cases in the United States have reached their highest level in three decades');
    },
  );

  test.each(MODELS)("when the clause after the cue has a cue of its own, then it is not this claim's (%s)", (model) => {
    const claims = extractClaims(story, { model });
    for (const c of claims.filter((x) => x.text.includes('could worsen over the winter')))
      expect(c.speaker.name).toBe('health officials');
  });

  test.each(MODELS)('when a dateline uses a horizontal bar, then it is no part of the content (%s)', (model) => {
    const text = 'WASHINGTON ― The deal is an insult to every worker, union leaders said Friday, as talks resumed.';
    const c = claimWith(extractClaims(text, { model }), 'insult to every worker');
    expect(c?.text).toBe('The deal is an insult to every worker');
  });
});
