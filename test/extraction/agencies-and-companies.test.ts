import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS, readAccurate } from '../support/extracted';

/**
 * Read on two stories written for the purpose (2026-11-30), a hurricane and an EU fine. "FEMA Administrator Deanne
 * Criswell" was a `person` whose name was all four words; "It was not immediately clear whether …" was the Defense
 * Department's, the body quoted before it; after "The European Commission fined Meta Platforms",
 * "Meta said it would appeal" was a person called Meta; "a company spokesperson" was an `official`, and so was
 * "Agustin Reyna, director general of the European Consumer Organisation BEUC", the head of a consumer group.
 */
describe('agencies and companies in wire copy', () => {
  test.each(MODELS)('when an agency head is titled before the name, then the name is hers alone (%s)', (model) => {
    const text = 'FEMA Administrator Deanne Criswell said the agency had positioned water and generators in Texas.';
    expect(claimWith(extractClaims(text, { model }), 'positioned water')?.speaker).toMatchObject({
      name: 'Deanne Criswell',
      title: 'Administrator',
      type: 'official',
    });
  });

  test.each(MODELS)(
    'when a company named with its trade is then named short, then it is still the company (%s)',
    (model) => {
      const text =
        'The European Commission fined Meta Platforms 797 million euros on Thursday.\n\nMeta said it would appeal the decision.';
      expect(claimWith(extractClaims(text, { model }), 'appeal the decision')?.speaker).toMatchObject({
        name: 'Meta',
        type: 'organization',
      });
    },
  );

  test.each(MODELS)('when a spokesperson is a company one, then the company speaks (%s)', (model) => {
    const text = '"Today\'s decision ignores the realities of the market," a company spokesperson said.';
    expect(claimWith(extractClaims(text, { model }), 'ignores the realities')?.speaker.type).toBe('organization');
  });

  test.each(MODELS)('when "she" follows a company spokesperson, then she is that spokesperson (%s)', (model) => {
    const text =
      'Meta Platforms said it would appeal. "Today\'s decision ignores the market," a company spokesperson said. ' +
      'She added that the Commission had shown no harm to consumers.';
    expect(claimWith(extractClaims(text, { model }), 'shown no harm')?.speaker).toMatchObject({
      mention: 'She',
      type: 'organization',
      anonymous: true,
    });
  });

  test.each(MODELS)('when a White House press secretary speaks, then he stays an official (%s)', (model) => {
    const text = '"The president will sign the bill," said Josh Earnest, the White House press secretary.';
    expect(claimWith(extractClaims(text, { model }), 'sign the bill')?.speaker.type).toBe('official');
  });

  // `fast` finds no claim in this sentence at all (its tagger marks no cue); the typing is what is checked here.
  test('when a director general heads a consumer group, then the group speaks', () => {
    const text =
      'Agustin Reyna, director general of the European Consumer Organisation BEUC, said the fine sent a clear message.';
    expect(claimWith(readAccurate(text), 'clear message')?.speaker).toMatchObject({
      name: 'Agustin Reyna',
      type: 'organization',
    });
  });

  test.each(MODELS)(
    'when "Rival" opens a sentence before a firm, then the firm speaks under its name (%s)',
    (model) => {
      // Read on an earnings story (2026-11-30): "Rival Advanced Micro Devices said" was a person of that name.
      const text =
        'Rival Advanced Micro Devices said this month that it expected to begin shipping its chips next year.';
      expect(claimWith(extractClaims(text, { model }), 'begin shipping')?.speaker).toMatchObject({
        name: 'Advanced Micro Devices',
        type: 'organization',
      });
    },
  );

  test('when "it was not immediately clear" follows a body\'s statement, then the body says nothing', () => {
    const story = fs.readFileSync(path.join(__dirname, 'fixtures', 'watchdog.txt'), 'utf8');
    const claims = readAccurate(story);
    expect(claimWith(claims, 'reached the battlefield')?.speaker).toMatchObject({ name: null, type: 'unknown' });
    expect(claimWith(claims, 'alternative means')?.speaker.name).toBe('the Defense Department');
  });

  test.each(MODELS)('when a sentence opens "Under questioning from", then the preposition is no cue (%s)', (model) => {
    const story = fs.readFileSync(path.join(__dirname, 'fixtures', 'watchdog.txt'), 'utf8');
    const cues = extractClaims(story, { model }).map((c) => (c.cue ?? '').toLowerCase());
    expect(cues).not.toContain('under');
    expect(claimWith(extractClaims(story, { model }), 'must do better')?.speaker.name).toBe('Kathleen Hicks');
  });
});
