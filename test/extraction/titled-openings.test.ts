import { extractClaims } from '../../src/extraction';
import { claimWith, MODELS, readAccurate } from '../support/extracted';

/**
 * Read on a match report written for the purpose (2026-11-30): "City manager Pep Guardiola blamed tiredness.
 * “…,” he told the BBC." gave the quotation to the other club's manager, quoted last. A sentence that opens with a
 * body's name and a lowercase title before a name ("City manager", "State Department spokesman") has that name as
 * its subject, as "Chief executive Sarah Collins" had.
 */
describe('sentences opening with a body and a title', () => {
  test.each(MODELS)(
    'when "he" follows a manager introduced by club and title, then he is that manager (%s)',
    (model) => {
      const text =
        '"I don\'t think about that. I think about the next game," said United manager Ruben Amorim.\n\n' +
        'City manager Pep Guardiola blamed tiredness. "The players were exhausted, but that is not an excuse," he ' +
        'told the BBC.';
      expect(claimWith(extractClaims(text, { model }), 'not an excuse')?.speaker.name).toBe('Pep Guardiola');
    },
  );

  test.each(MODELS)('when the sentence opens with "The", then it is no body of a title (%s)', (model) => {
    const text =
      'Felipe Calderon, the former president of Mexico, criticized Donald Trump.\n\nThe former Mexican leader ' +
      'said in an interview that the wall would never be built.';
    const c = claimWith(extractClaims(text, { model }), 'never be built');
    expect(c?.speaker.name).not.toBe('Mexican');
  });

  test.each(MODELS)('when a lone capitalised word never introduced speaks, then its type is unknown (%s)', (model) => {
    // Read on the same match report: "According to Opta, …" was a person called Opta.
    const text = 'According to Opta, City have now lost four of their last five league matches.';
    expect(claimWith(extractClaims(text, { model }), 'lost four')?.speaker).toMatchObject({
      name: 'Opta',
      type: 'unknown',
    });
  });

  test.each(MODELS)('when a capitalised plural speaks, then they stay people (%s)', (model) => {
    const text = 'Millennials said in the survey that housing was their biggest worry.';
    expect(claimWith(extractClaims(text, { model }), 'biggest worry')?.speaker.type).toBe('person');
  });

  test.each(MODELS)('when a politician of today speaks, then she is an official (%s)', (model) => {
    // Read on an election-eve story (2026-11-30): "Kamala Harris" was a person; the list of politicians was 2016's.
    const text = '"We are going to win this," Kamala Harris told a rally of about 5,000 people in Pittsburgh.';
    expect(claimWith(extractClaims(text, { model }), 'going to win')?.speaker).toMatchObject({
      name: 'Kamala Harris',
      type: 'official',
    });
  });

  test.each(MODELS)('when a name holds particles, then "he" after it is the whole name (%s)', (model) => {
    // Read on a study story (2026-11-30): "Dr. Borja del Pozo Cruz" was collected as "Borja", and "He said" named him so.
    const text =
      '"The message is simple," lead author Dr. Borja del Pozo Cruz of the University of Southern Denmark told ' +
      'Reuters. He said the benefit leveled off above 9,000 steps. European Commission President Ursula von der ' +
      'Leyen said the findings were welcome.';
    const claims = extractClaims(text, { model });
    expect(claimWith(claims, 'leveled off')?.speaker.name).toBe('Borja del Pozo Cruz');
    expect(claimWith(claims, 'findings were welcome')?.speaker).toMatchObject({
      name: 'Ursula von der Leyen',
      type: 'official',
    });
  });

  test("when a quotation is followed by its speaker's first lowercase word, then the claim ends at the quote", () => {
    // Read on the same study story: the claim ended `…a marathon," lead`.
    const text =
      '"The message is simple: move more, and it does not need to be a marathon," lead author Dr. Borja del Pozo ' +
      'Cruz of the University of Southern Denmark told Reuters.';
    expect(claimWith(readAccurate(text), 'message is simple')?.text).toMatch(/marathon"?$/);
  });
});
