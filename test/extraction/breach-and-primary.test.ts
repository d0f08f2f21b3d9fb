import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS, readAccurate } from '../support/extracted';

/**
 * Read on two stories written for the purpose (2026-11-30): a bank's data breach and a city's primary. `accurate`
 * left "The bank said …" without a speaker (its tagger marked only "The"), both models left "One of them said …"
 * without one, and "Mayor … conceded the primary late Tuesday, hours after her challenger, state Rep. Marcus Odom,
 * declared victory" made the whole clause from "Mayor" to "Odom" the speaker of Odom's claim. Noticed at stop 30:
 * "Officials said the dam held overnight, sparing …" gave no claim: its participle was read as the reporter's comment.
 * Read on a measles story the same day: "Health Secretary Robert Kennedy Jr., who …, wrote" had no speaker (the full
 * stop of "Jr." hid the relative clause) and "Covenant Children's Hospital" was a person called "Hospital".
 */
describe('a data-breach story and a primary-night story', () => {
  test('when the tagger marks only "The" of "The bank said", then the noun after it is part of the speaker', () => {
    const story = fs.readFileSync(path.join(__dirname, 'fixtures', 'data-breach.txt'), 'utf8');
    const c = claimWith(readAccurate(story), 'discovered the intrusion');
    expect(c?.speaker).toMatchObject({ name: 'Lumora Bank', type: 'organization', anonymous: false });
  });

  test.each(MODELS)('when "One of them" speaks after a group of sources, then the claim is theirs (%s)', (model) => {
    const text =
      'Two people familiar with the repairs said the main had been due for replacement in 2019. One of them said ' +
      'the work was postponed to save money.';
    const c = claimWith(extractClaims(text, { model }), 'postponed to save money');
    expect(c?.speaker).toMatchObject({ type: 'source', anonymous: true });
  });

  test.each(MODELS)(
    'when the sentence before the appositive holds another cue, then it is no part of the speaker (%s)',
    (model) => {
      const text =
        'CLEVELAND (AP) — Mayor Denise Harwell conceded the Democratic primary late Tuesday, hours after her ' +
        'challenger, state Rep. Marcus Odom, declared victory by fewer than 900 votes.';
      const c = claimWith(extractClaims(text, { model }), 'victory by fewer than 900 votes');
      expect(c?.speaker.name).toBe('Marcus Odom');
      expect(c?.speaker.mention).not.toMatch(/conceded/);
    },
  );
  test.each(MODELS)(
    'when a subordinate clause holds the appositive speaker, then the speaker starts there (%s)',
    (model) => {
      const text =
        "Councillor Amira Shah criticized the delay on Monday, hours after the utility's chief engineer, Tom Reyes, " +
        'said the pipe had failed because of its age.';
      const c = claimWith(extractClaims(text, { model }), 'pipe had failed');
      expect(c?.speaker).toMatchObject({ mention: "the utility's chief engineer, Tom Reyes", name: 'Tom Reyes' });
    },
  );

  test.each(MODELS)(
    'when a business is named for its trade ("Northgate Water"), then it is an organization (%s)',
    (model) => {
      const text = 'Northgate Water said on Monday that a burst main had cut supplies to 40,000 homes.';
      expect(claimWith(extractClaims(text, { model }), 'burst main')?.speaker).toMatchObject({
        name: 'Northgate Water',
        type: 'organization',
      });
    },
  );

  test.each(MODELS)(
    'when the statement after "said" has a participle clause of its own, then it is kept (%s)',
    (model) => {
      const text =
        'Heavy rain swelled the river on Sunday.\n\nOfficials said the dam held overnight, sparing thousands of ' +
        'homes downstream.';
      const c = claimWith(extractClaims(text, { model }), 'the dam held overnight');
      expect(c?.text).toBe('the dam held overnight, sparing thousands of homes downstream');
      expect(c?.speaker).toMatchObject({ type: 'official', anonymous: true });
    },
  );

  test.each(MODELS)(
    'when a participle clause follows "said on Friday", then it is still the reporter\'s (%s)',
    (model) => {
      const text =
        'The economy shrank 0.3 percent in the third quarter, the statistics office said on Friday, tipping the ' +
        'country into recession.';
      const c = claimWith(extractClaims(text, { model }), 'economy shrank');
      expect(c?.text).not.toMatch(/tipping/);
    },
  );

  test.each(MODELS)('when a relative clause follows "Jr.", then the name before it is the speaker (%s)', (model) => {
    const text =
      'Health Secretary Robert Kennedy Jr., who has long questioned the safety of some vaccines, wrote in an ' +
      'opinion piece on Sunday that parents should consult their doctors.';
    const c = claimWith(extractClaims(text, { model }), 'consult their doctors');
    expect(c?.speaker).toMatchObject({ name: 'Robert Kennedy Jr', type: 'official' });
  });

  test('when a hospital is named for whom it serves, then the possessive is part of its name', () => {
    const text =
      "Covenant Children's Hospital in Lubbock said the boy was in serious condition and declined to give details.";
    const c = claimWith(readAccurate(text), 'serious condition');
    expect(c?.speaker).toMatchObject({ name: "Covenant Children's Hospital in Lubbock", type: 'organization' });
  });

  test.each(MODELS)("when a doctor's appositive names an office, then the office types the speaker (%s)", (model) => {
    const text =
      '"This is the largest outbreak we have seen in this state in more than 30 years," said Dr. Jennifer Shuford, ' +
      "the department's commissioner.";
    const c = claimWith(extractClaims(text, { model }), 'largest outbreak');
    expect(c?.speaker).toMatchObject({ name: 'Jennifer Shuford', type: 'official' });
  });

  test.each(MODELS)('when a director is "the city\'s", then the speaker is an official (%s)', (model) => {
    const text =
      'At one clinic in Lubbock, nurses gave 300 shots in a single day, according to Katherine Wells, the ' +
      "city's public health director.";
    const c = claimWith(extractClaims(text, { model }), '300 shots');
    expect(c?.speaker).toMatchObject({ name: 'Katherine Wells', type: 'official' });
  });

  test('when a congresswoman is named Waters, then she is still a person, not a utility', () => {
    const c = claimWith(readAccurate('Maxine Waters said the bill would hurt renters in Los Angeles.'), 'renters');
    expect(c?.speaker).toMatchObject({ name: 'Maxine Waters', type: 'person' });
  });
});
