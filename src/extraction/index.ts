import { calibratedFast } from './calibration';
import { buildClaims } from './claims';
import { isAnswer } from './claims/interviewee';
import { type DetectedAttribution, detectAttributions } from './detect';
import { DEFAULT_MODEL, type ExtractorModel } from './models';
import { calibrated, confidenceFeatures } from './neural/confidence';
import type { ExtractedClaim, ExtractorInfo, Span } from './types';
import { shiftClaims, textWindows } from './window';

export * from './types';
export { headlineOf } from './headline';
export { DEFAULT_MODEL, EXTRACTOR_MODELS, type ExtractorModel } from './models';

/** Name and version stored with every claim, so re-extraction with a newer engine is traceable. */
// 0.2.0: speakers typed and resolved (coreference), kinds, relays, hedges, check-worthiness, page furniture dropped.
// 0.3.0: wire-copy rules (said: “…”, shared subjects, multi-paragraph quotes, Q/A answers, datelines), speaker typing
// from organisation cues, balanced quotation marks and claim text without a leading "that".
// 0.4.0: speakers with appositives and relative clauses kept whole, "…, experts said." rule, no-statement filters,
// numbers kept whole, calibrated confidence for the fast model; claims record their model.
// 0.5.0: tag repairs (a statement verb after "and" shares the subject, "…, while critics warned", contents before
// "…, the ministry said" run to the comma, "The data suggest that"); `accurate` (BiLSTM, WebAssembly SIMD) the default.
// 0.6.0: `accurate` retrained with its frequent words' vectors fine-tuned; "“…” ― Name" bylines; pronouns after a
// subject described by role or a fronted "Asked about …,"; "Bank of Japan Governor Kazuo Ueda" parsed; ", insisting
// …" like ", saying …"; reporters' "a move likely to …" appositives and "declined to comment on" are no claims.
// 0.7.0: `accurate` cues its source head left without a speaker take one from a looser decoding (loose-source.ts).
// 0.7.1: "He said:" closing its paragraph gives the quotation in the next one to that speaker (rules.ts).
// 0.8.0: contents split by their cue ("X, he said, Y"; “A,” she said, “B”), "He continued:" closing a paragraph,
// reporter backgrounds ("…, in a dispute over …"), dangling content ends, auxiliary-only cues completed, ''quotes''
// after a full stop start a sentence (issue 12).
// 0.8.1: a role subject ends at its verb ("The union leader spoke to strikers": not "the union leader spoke to").
// 0.8.2: ", which had expected …" after a noun that is not the last speaker names no speaker (coreference.ts).
// 0.8.3: statement boundaries on wire copy (statement-boundaries.test.ts): “….” She said X; fronted "Asked whether";
// "urged X, saying Y"; a relative clause after an unnamed speaker; "the talks said"; "Sen." before a name's run;
// "the drug maker" typed organization; "The results, he cautioned, still need …" keeps its subject; "X, however,
// accused …"; "added: “…”" ends at its quotation's close; "(LGA)" keeps its bracket.
// 0.8.4: cue edges drawn as PolNeAR does ("said" not "said on", "refused" not "refused to", "’s hoping" after a
// pronoun) and no "But"/"And" opening a source (detect/cue-edges.ts, speaker-edges.ts; issue 12).
// 0.8.5: the answers of a Q/A interview are the interviewee's named at the top ("an interview with Mayor …");
// a content saying only when ("has known that since 2019") is no claim.
// 0.8.6: a single capital before a quotation ends the sentence ("in a post on X. “…”"); "Correction:" notes are no
// claims; "after threatening …" is no cue; a text may open with "According to police, …".
// 0.8.7: "Chief Executive Oliver Brandt" is Oliver Brandt, titled Chief Executive (not "Executive Oliver Brandt").
// 0.8.8: a reporter's ", raising hopes for …" is no cue; "declined to comment on X but said Y" is one claim, cue
// "said"; what someone "has not said" or "would not say" is no claim; ", and one, who …, said" is an unnamed source;
// a company's chief executive or financial officer, or a federation's president, speaks for the organisation; "the
// force" and police ranks are officials; "X sat down with our correspondent" names a Q/A's interviewee; "That is …"
// keeps its subject; "Sen. X (R-Okla.), who spent months on it, voted yes and called …" is X speaking.
// 0.8.8 (also): a full stop that ends no sentence ends no content ("a joint E.U. naval force", "since Sept. 11");
// two spaces, a no-break space or '' after a full stop end a sentence; "promised | to address …" and "said this
// week | that …" put the infinitive's "to" in the content and the words saying when out of it (content-edges.ts);
// a quotation a word runs into ("was a “…”") continues no statement (merge.ts; issue 12).
// 0.8.9: a content the tagger stops mid-phrase ends at its last comma when only a short clause follows it ("…
// by a wide margin, a result few | organizers …"), or takes the one or two words left before the clause's mark
// (mid-phrase.ts; issue 12).
// 0.8.9 (also): "The Port of Rotterdam Authority", "the Church of England" are bodies; "the union" is never a person
// whose title only mentions it; a shop steward is a person; city attorneys and council members are officials, and a
// surname takes its speaker's title; a speaker running into another claim's content is no speaker; ", as officials
// urged …" after "X, the agency said," is the reporter's setting, not the agency's words; "Pratt & Whitney" is a firm;
// "declined | to say …" is no claim again (bodies-and-roles.test.ts).
// 0.8.10: "Chief executive Sarah Collins apologised. “…,” she said" is Sarah Collins speaking (a sentence opened by
// a title and a name has that name as its subject); "According to Eurocontrol, the European air traffic agency, …"
// keeps the description in the source; "Dr. Carson" and "Sen. Ayotte" after "Ben Carson" and "Kelly Ayotte" stay the
// full names (and lend them the title); "Secretary of State Brad Raffensperger" is not "State Brad Raffensperger";
// "The review, led by …" is the review speaking; a fronted "Asked whether …, X told reporters Y" claims Y, not the
// question; "X, a professor at Y, who was not involved in the study, said Z" is X saying Z, not Z saying X, and a
// tagger's speaker opening with "who" right after its own content is dropped; "economists polled by Reuters" are
// experts, not the outlet; "The health secretary, Wes Streeting, sat down with our correspondent" gives the Q/A's
// answers a titled official (titled-subjects.test.ts).
// 0.8.11: a Q/A's answers keep the builder's confidence (PolNeAR has no interviews to calibrate them on), and a
// transcript's "STREETING:" is the Wes Streeting the article named (interviews.test.ts).
// 0.9.0: "The ECB kept rates unchanged but signalled that …" shares the sentence's opening subject
// (detect/opening-subject.ts); "according to Eurostat, the EU's statistics office." keeps the description in the
// source; an analyst "at Pivotal Research Group" is an expert, "a report from the Bureau of Labor Statistics" official
// (sources-described.test.ts); "Lumora Inc" is "Lumora" after; ", blaming …, and said" is no cue "blaming said".
// "A source familiar with the matter, who asked not to be named because …, said the chief executive had been told
// about the delay" is the source's claim: a subject the tagger began is completed, words after "said" that a
// finite verb follows are what was said, a "said" enclosing another statement takes it whole, and whoever "had been
// told" is never the speaker. "Solicitor General", "Surgeon General" are whole titles; a fronted "Outside the court,"
// is no part of a speaker; a cue whose content is a quotation already inside a neighbour's content is dropped.
// Calibrations refitted.
// 0.9.1: whoever follows "told" is never the speaker ("told German broadcaster Sky that …"); "Kane, 30, is …" after
// "Harry Kane" is him (an antecedent for "he"); a fronted "Asked about …," gives the question no source; "Bayern's
// chief executive, Jan-Christian Dreesen" is not `unknown`; a capped "according to" source ends before its "who";
// "said in a statement on Thursday" ends the cue at "statement" (listeners-and-surnames.test.ts); "WHO Director-General
// Tedros Adhanom Ghebreyesus" and "Senate Majority Leader Chuck Schumer" keep their whole titles (titled-subjects.test.ts);
// "He" after a named union leader (typed for the body he speaks for) is that leader; "“…,” EU industry chief Thierry
// Breton told a news conference." is a rule (quote-then-speaker.ts); "Two other people briefed on the | talks disputed"
// puts "talks" in the speaker.
// 0.9.2: a speaker is no day, dateline, auxiliary or adverb ("A High Court judge on Tuesday ruled", "GENEVA (Reuters) -
// The World Health Organization …", "Speaker Milton Dick twice warned", "Theresa May said"), a possessive keeps its
// owner ("Brazil's health ministry") and ", who" leaves the name before it (detect/source-when.ts); ", saying only
// that …" after "Arsenal manager Mikel Arteta" is his (subject-name.ts); "“…,” he said, as Labor members shouted" is
// his alone (merge.ts); "in a tweet", "at a news conference" closing a content after its cue is no part of it
// (medium-tail.ts); what "had been reported" or who "was asked" is no speaker (group.ts); the `fast` tagger's broken
// sources are mended ("A | Home | Office spokesperson", "Sir James Eadie, had | argued"; source-gaps.ts); "told
// reporters" is no relay, nor the wire of the dateline; "opposition" is a body (wire-genres.test.ts).
// "al-Jaber", "el-Qaddafi": a particle joined to a name by a hyphen is part of it, where it ended the name and left
// "The summit's president, Sultan al-Jaber" an anonymous description (phrases.ts; name-particles.test.ts).
// Countries are places that speak through their governments, `official` like "Russia": "Saudi Arabia said" was a
// `person` (lexicon.ts PLACE_WORDS; not those that are also surnames, "Rep. Steve Israel … Israel said"; countries.test.ts).
// "Google's president of global affairs, Kent Walker", "the director of the Federal Bureau of Investigation, James B.
// Comey": a role with an "of" phrase, then the name, was one anonymous description (mention.ts nameAfterRole; PolNeAR
// train: 87 claims named); "Analysts at Morgan | Stanley" split by the tagger is one source (source-gaps.ts;
// role-then-name.test.ts).
// Britain's parties are political bodies, `official` as "Republicans" are: "Labour said" was a person called Labour,
// "The opposition Conservatives" an anonymous person (typing.ts PARTY_NAME; parties.test.ts).
// 0.9.3: a subject that did not speak is no speaker: a raising verb's subject joins the content ("Trump … to deliver a
// victory speech", no speaker, as PolNeAR annotates it) and a passive cue's subject goes ("was accused of", "has been
// criticized for"; stances such as "were outraged that" keep it) (detect/raised-subject.ts); a participle after a comma
// shares the subject of the statement before it, as a speech participle did (group.ts shareSubjects), and ", saying" after "The mayor
// unveiled …" names the mayor, not "The" (rules.ts) (subject-not-speaker.test.ts). A title word before a short name
// ends a long capitalised run ("Los Angeles County Fire Chief Anthony Marrone", so "Marrone said" is him); an
// appositive source runs to its closing comma; "The Latest:" and "Contributing:" are no speakers
// (wildfire-story.test.ts). "The Bank of England" is not the ECB said before it (coreference.ts); central banks,
// named boards and investigators are official, a body named in capitals is not anonymous, a strategist at a firm is
// an expert (central-banks.test.ts, aviation-story.test.ts); "…, a study has found." is a trailing speaker
// (trailing-speaker.ts; science-story.test.ts). "… for nine | days and warned": a content runs to the "and" of its
// speaker's second statement (mid-phrase.ts); "U.N. humanitarian | chief Tom Fletcher" takes the body before the title
// (speaker-edges.ts; un-story.test.ts); `fast`'s "said in[source] an emailed statement" keeps "in" in the cue.
// "U.S. Attorney Jay Clayton", "District Attorney Alvin Bragg", the FBI, CIA, CDC, FDA, EPA, NIH, FEMA and IRS, and
// indictments are official (court-story.test.ts; "FBI Director James Comey" was a `person` 9 times on train).
// 0.9.4: "The[source] bank[untagged] said" takes the noun into the speaker (source-gaps.ts); "One of them said …" is
// said by the group just quoted (mention.ts); a subject phrase holding another claim's cue is a clause, so "Mayor …
// conceded the primary, hours after her challenger, state Rep. Marcus Odom, declared …" is Odom's (speaker-edges.ts);
// businesses named for their trade ("Northgate Water", "Duke Energy") are organizations; "Officials said the dam held
// overnight, sparing …" is their statement: a participle clause is the reporter's comment only when no more than the
// cue's circumstance ("said on Friday, tipping …") stands before it (reporter-comment.ts); "Robert Kennedy Jr., who …,
// wrote" finds its speaker past the full stop of "Jr." (group.ts); hospitals and clinics are bodies, and "Children's
// Hospital" keeps its possessive (lexicon.ts, mention.ts); "Dr. Jennifer Shuford, the department's commissioner" is
// typed by the office, not the "Dr." (mention.ts); "the city's public health director" is an official (typing.ts)
// (breach-and-primary.test.ts).
// 0.9.5: a surname several people share goes to the one named in full most often, among those named before the
// mention ("Ellison said" in Margaret Ellison's obituary, after her son Daniel Ellison is quoted; "Clinton, 35, the
// daughter of … Bill Clinton and … Hillary Clinton, said" is Chelsea's), and a pronoun back to a titled surname names
// the full name (claims/namesakes.ts, names.ts; namesakes.test.ts); surgeons are experts.
// 0.9.6: a lone article as the source takes its noun phrase ("A federal judge … blocked …, saying"); bodies named with
// "for"/"to"/"and" or "General Staff" are bodies ("Texas Right to Life", not a person "Life"; detect/source-phrase.ts,
// claims/named-bodies.ts); a quotation a sentence's own verb names ("called it “…”") is not the speaker before going on,
// and a content stops at another speaker's quoted clause (other-speaker.ts); "he" after a subject named in full that
// opens the sentence before is that subject (coreference.ts); a trailing speaker followed by ", and" another clause
// keeps its statement; "One worker, who asked not to be named, said he …" keeps his claim (group.ts); "…, which she
// described as …" is a second claim; spokespeople are typed by whom they speak for; initials ("T.H.", "James B.")
// end no sentence or speaker (court-ruling, chip-shortage, stopgap-bill, derby-report, measles-story,
// governor-interview, earthquake-story, central-bank, budget-talks, warehouse-strike, food-study tests).
// 0.9.7: a content opening right after "said"/"says" runs over the last few untagged words to its full stop
// ("Officials said prices | rose." was one word and dropped; detect/tag-repairs.ts); "New" before a capitalised word
// opens a name ("the New York Times" had the title "New", "The New Yorker" was a person "Yorker", "New Jersey Gov." a
// title; claims/phrases.ts, referent.ts); "a spokesperson for Tesco" is a business's, "Hamas" and "the Islamic State"
// are organizations (mention.ts, coreference.ts, lexicon.ts); "the state weather agency AEMET" is an official body,
// not a business by its initials (typing.ts) (short-statements-and-new.test.ts); ordinary people's occupations
// ("a former engineer", "employees", "a customer") are people "she" can be, a name after a sentence-opening "And" or
// "But" is its subject, and "Had Sanders won …" names Sanders (lexicon.ts, entities.ts; pronoun-antecedents.test.ts);
// a quotation after a colon that closes a clause no attribution holds ("Her neighbor, James Ortiz, disagreed: “…”") is
// not the speaker before going on (merge.ts); "said outside the courthouse that …" starts at "that"
// (content-edges.ts) (verdict-story.test.ts); "did not respond to …", "has not replied" report no statement
// (no-statement.ts; asides-and-refusals.test.ts); unions named for their members ("the Communications Workers of
// America", "the United Auto Workers", "the Teamsters") are organizations (named-bodies.ts); "…, the club announced on
// Friday." closes a sentence as "…, officials said." does (trailing-speaker.ts); "as Work and | Pensions Secretary Pat
// McFadden said" takes the whole department into the speaker (source-phrase.ts bodyBeforeTitle); a Q/A's answers are
// the interviewee's when the top says whom an outlet spoke to ("… Marcelo Ebrard spoke to Reuters"; interviewee.ts);
// "Majority Leader John Thune" and "Assistant U.S. Attorney Kevin Park" keep their whole titles (phrases.ts); "a move
// that analysts said …" is the analysts' (speaker-edges.ts); "Royal College of Nursing regional director Helen Cross",
// "a Department of Health spokesperson" and "a Bank of England official" name the body before the role (mention.ts).
export const EXTRACTOR: ExtractorInfo = { name: 'claimtrack-attribution', version: '0.9.7' };

export interface ExtractOptions {
  /** `accurate` (the default, DEFAULT_MODEL): the BiLSTM tagger (see model/model-card.md); `fast`: the averaged perceptrons. */
  model?: ExtractorModel;
  /** Keep the builder's uncalibrated confidence (used when fitting the calibration). */
  uncalibrated?: boolean;
}

/** Claims with the attribution each was built from (the builder passes span arrays through untouched). */
export function extractWithDetections(
  text: string,
  opts: ExtractOptions = {},
): { claim: ExtractedClaim; detected: DetectedAttribution | undefined }[] {
  const detected = detectAttributions(text, opts.model ?? DEFAULT_MODEL);
  const byContent = new Map<Span[], DetectedAttribution>(detected.map((d) => [d.content, d]));
  return buildClaims(text, detected).map((claim) => ({ claim, detected: byContent.get(claim.spans.content) }));
}

/** Pure: a string in, claims out. No I/O, no clock, no randomness. Long texts go window by window (window.ts). */
export function extractClaims(text: string, opts: ExtractOptions = {}): ExtractedClaim[] {
  const windows = textWindows(text);
  if (windows.length === 1) return calibrate(text, extractWithDetections(text, opts), opts);
  return windows.flatMap(([start, end]) => {
    const window = text.slice(start, end);
    return shiftClaims(calibrate(window, extractWithDetections(window, opts), opts), start);
  });
}

/**
 * Claims get a calibrated confidence: the `accurate` model's from its tagger scores (model/calibration.json), the
 * `fast` model's from what detection and the claim builder know (calibration.ts, model/calibration-fast.json).
 * A Q/A interview's answers keep the builder's own (0.7 with the interviewee named, less without): PolNeAR, which
 * the calibrations are fitted on, has no interviews, and the tagger never saw the layout, so its low scores on
 * them would read as doubt (0.15, under the review queue's default of 0.3) where the layout leaves none.
 */
function calibrate(
  text: string,
  found: ReturnType<typeof extractWithDetections>,
  opts: ExtractOptions,
): ExtractedClaim[] {
  return found.map(({ claim, detected }) => {
    if (opts.uncalibrated || !detected || isAnswer(text, detected)) return claim;
    if (!detected.scores) return { ...claim, confidence: calibratedFast(claim, detected) };
    const features = confidenceFeatures(detected, detected.scores, claim.confidence);
    return { ...claim, confidence: calibrated(features, claim.confidence) };
  });
}
