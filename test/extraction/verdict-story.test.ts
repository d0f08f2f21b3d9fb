import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS } from '../support/extracted';

/**
 * Read on a corruption verdict written for the purpose (2026-11-30). `fast` missed the cue of "Her neighbor, James
 * Ortiz, disagreed: “He got caught. That's all.”" and gave his words to the resident quoted just before; the
 * attorney's "said outside the courthouse that her client would appeal" kept the place in what she said.
 */
const story = fs.readFileSync(path.join(__dirname, 'fixtures', 'verdict-story.txt'), 'utf8');

describe('a verdict story', () => {
  test.each(MODELS)('when a neighbour disagrees after a colon, then his words are not hers (%s)', (model) => {
    const claims = extractClaims(story, { model });
    const hers = claimWith(claims, 'He did a lot for this town');
    expect(hers?.speaker.name).toBe('Dolores Quinn');
    expect(hers?.text).not.toContain('He got caught');
    const his = claimWith(claims, 'He got caught');
    if (his) expect(his.speaker.name).toBe('James Ortiz');
  });

  test.each(MODELS)('when the attorney spoke outside the courthouse, then the place is no part of it (%s)', (model) => {
    const c = claimWith(extractClaims(story, { model }), 'would appeal');
    expect(c?.text).toBe('her client would appeal');
    expect(c?.speaker.name).toBe('Miriam Cole');
  });
});
