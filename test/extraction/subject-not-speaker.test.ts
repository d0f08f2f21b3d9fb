import { claimWith, readAccurate as read } from '../support/extracted';

/**
 * A sentence's subject is not always who spoke. "Melania Trump seems to have vanished …" is the writer's
 * impression and "Mr. Quiros was accused of …" names the accused, not the accuser: the extractor pinned both on
 * the subject. And "The mayor unveiled the budget, saying …" gave the participle the speaker "The", which the claim
 * layer drops, so the mayor's words had no speaker at all.
 */

describe('subjects that did not speak', () => {
  test('when a raising verb reports how things look, then its subject is part of the content, not the speaker', () => {
    const c = claimWith(read('Melania Trump seems to have vanished from the campaign trail this autumn.'), 'vanished');
    expect(c?.speaker.mention).toBeNull();
    expect(c?.speaker.type).toBe('unknown');
    expect(c?.text).toMatch(/^Melania Trump … to have vanished/);
  });

  test('when the raised subject is accused or criticised in the passive, then nobody is named as the speaker', () => {
    const accused = claimWith(
      read('Mr. Quiros was accused of using $50 million from investors for personal expenses.'),
      '$50 million',
    );
    const criticised = claimWith(
      read('The health minister has been harshly criticized for policies that opponents call reckless.'),
      'reckless',
    );
    for (const c of [accused, criticised]) {
      expect(c).toBeDefined();
      expect(c?.speaker.mention).toBeNull();
    }
  });

  test('when a passive states a mind ("were outraged that"), then its subject keeps the claim', () => {
    const c = claimWith(
      read('Residents were outraged that the council approved the tower without a hearing.'),
      'approved the tower',
    );
    expect(c?.speaker.mention).toBe('Residents');
  });

  test('when the main clause opens with "The mayor", then ", saying …" is the mayor\'s', () => {
    const c = claimWith(
      read('The mayor unveiled the budget on Monday, saying it would cut property taxes by 4 percent.'),
      'cut property taxes',
    );
    expect(c?.speaker.mention).toBe('The mayor');
  });

  test('when an earlier claim of the sentence names the speaker, then a participle after a comma takes it', () => {
    const claims = read(
      'The Obama administration has said it will keep the program in place through the winter, recalling that the ' +
        'last cuts had led to long lines at clinics.\n\nMs. Lee wrote in a letter to shareholders that the merger ' +
        'would close in March, pointing to approvals already granted in Europe and Japan.',
    );
    expect(claimWith(claims, 'long lines')?.speaker.mention).toBe('The Obama administration');
    expect(claimWith(claims, 'approvals already granted')?.speaker.name).toBe('Lee');
  });
});
