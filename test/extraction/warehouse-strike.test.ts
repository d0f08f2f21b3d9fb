import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS } from '../support/extracted';

/**
 * Read on a labour story written for the purpose (2026-11-30). "One worker, who asked not to be named for fear of
 * losing his job, said he regularly worked 60-hour weeks. “We are not robots,” he said." lost the worker's first
 * claim (`accurate` gave his "said" the quotation of the next sentence, which its own "he said" kept), and the "he"
 * went back to the Business Secretary quoted before him.
 */
const story = fs.readFileSync(path.join(__dirname, 'fixtures', 'warehouse-strike.txt'), 'utf8');

describe('a labour story', () => {
  test.each(MODELS)('when an anonymous worker says something, then the claim is his (%s)', (model) => {
    const c = claimWith(extractClaims(story, { model }), '60-hour weeks');
    expect(c?.text).toBe('he regularly worked 60-hour weeks');
    expect(c?.speaker).toMatchObject({ name: 'one worker', anonymous: true });
  });

  test.each(MODELS)('when "he said" follows the anonymous worker, then it is the worker (%s)', (model) => {
    const c = claimWith(extractClaims(story, { model }), 'We are not robots');
    expect(c?.speaker.name).toBe('one worker');
  });
});

describe('a statement and a description of it', () => {
  test.each(MODELS)('when "which she described as" follows a statement, then they are two claims (%s)', (model) => {
    const text =
      'Amanda Gearing said the company had offered a raise of 50 pence an hour, which she described as "an insult."';
    const claims = extractClaims(text, { model });
    const said = claimWith(claims, '50 pence');
    expect(said?.text).toBe('the company had offered a raise of 50 pence an hour');
    expect(said?.cue).toBe('said');
  });

  test.each(MODELS)(
    'when a relative clause names whom someone refused, then what precedes it is not theirs (%s)',
    (model) => {
      const text = 'But Ryan was not the only Republican whom Trump refused to endorse on Tuesday.';
      expect(claimWith(extractClaims(text, { model }), 'only Republican')).toBeUndefined();
    },
  );
});

describe('spokespeople', () => {
  test.each(MODELS)("when a company's spokesperson speaks, then the company does (%s)", (model) => {
    const c = claimWith(extractClaims(story, { model }), 'competitive pay');
    expect(c?.speaker).toMatchObject({ name: 'an Amazon spokesperson', type: 'organization' });
  });

  test.each(MODELS)("when a governor's spokesman speaks, then an official does (%s)", (model) => {
    const text = 'Gov. Kathy Hochul signed the bill.\n\nA Hochul spokesman said the governor was pleased.';
    expect(claimWith(extractClaims(text, { model }), 'governor was pleased')?.speaker.type).toBe('official');
  });

  test.each(MODELS)(
    "when an outlet's or an agency's spokesperson speaks, then they keep the outlet's or agency's type (%s)",
    (model) => {
      const claims = extractClaims(
        'A Reuters spokesperson said the agency stood by its reporting.\n\nA Kremlin spokesman said the talks were useful.',
        { model },
      );
      expect(claimWith(claims, 'stood by its reporting')?.speaker.type).toBe('media');
      expect(claimWith(claims, 'talks were useful')?.speaker.type).toBe('official');
    },
  );
});
