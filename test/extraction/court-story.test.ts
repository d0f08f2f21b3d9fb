import { claimWith, readAccurate as read } from '../support/extracted';

/**
 * Read on an opioid-indictment story written for the purpose (2026-11-30): "U.S. Attorney Jay Clayton" and "District
 * Attorney Alvin Bragg" were `person`s (the body before "Attorney" was read apart from the title), federal agencies
 * known by their initials were private `organization`s ("The FBI" on PolNeAR train 13 times, "FBI Director James
 * Comey" 9 times a `person`), and "the Centers for Disease Control and Prevention" an `expert`.
 */
describe('an indictment story', () => {
  test('when a U.S. attorney or a district attorney speaks, then the speaker is an official', () => {
    const claims = read(
      '"This defendant put profits over people\'s lives," U.S. Attorney Jay Clayton said in a statement.\n\n' +
        'District Attorney Alvin Bragg said the case against the distributor was strong.',
    );
    expect(claimWith(claims, 'profits over')?.speaker).toMatchObject({ name: 'Jay Clayton', type: 'official' });
    expect(claimWith(claims, 'distributor was strong')?.speaker).toMatchObject({
      name: 'Alvin Bragg',
      type: 'official',
    });
  });

  test('when a federal agency speaks by its initials or its long name, then it is an official body', () => {
    const claims = read(
      'Opioid overdoses killed more than 80,000 Americans in 2022, according to the Centers for Disease Control and ' +
        'Prevention.\n\nThe FDA said the new painkiller was safe when taken as prescribed.\n\nFBI Director James Comey ' +
        'said the bureau had found no evidence of intent.',
    );
    expect(claimWith(claims, '80,000 Americans')?.speaker.type).toBe('official');
    expect(claimWith(claims, 'taken as prescribed')?.speaker.type).toBe('official');
    expect(claimWith(claims, 'no evidence of intent')?.speaker).toMatchObject({
      name: 'James Comey',
      type: 'official',
    });
  });
});
