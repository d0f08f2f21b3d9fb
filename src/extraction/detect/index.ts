import type { ExtractorModel } from '../models';
import type { Span } from '../types';
import { colonDrafts } from './colon-rule';
import { isCircumstance, layout } from './content';
import { type Draft, toDetected } from './draft';
import type { TagRun } from './spans';
import { groupRuns } from './group';
import { cueAfterConjunction, dropCuesInRelativeClause, dropCuesInReportedClause } from './cue-cleanup';
import {
  contentNotOverSpeaker,
  contentToClauseEnd,
  dropCuesInSubordinateClause,
  sourceAfterOpener,
} from './tag-repairs';
import { continuations, furnitureParagraphs, mergeDrafts } from './merge';
import { loadModel } from './model';
import { attachParticles } from './particles';
import { fixCueEdges, infinitiveToContent } from './cue-edges';
import { type NeuralTagged, neuralTagText } from '../neural';
import { meanOver, type RoleScores } from '../neural/confidence';
import { joinQuoteChains } from './quote-chains';
import { ruleDrafts } from './rules';
import { bothSides, resumedQuote } from './parenthetical';
import { danglingEnd, pastAbbreviation, whenBeforeThat } from './content-edges';
import { midPhraseEnd } from './mid-phrase';
import { contentEndsAtQuote } from './quote-tail';
import { oneClaimPerContent } from './shared-content';
import { predicateAfterAppositive } from './subject-appositive';
import { mediumTail } from './medium-tail';
import { subjectBeforeInterjection } from './interjections';
import { nounBeforeCue } from './noun-cues';
import { dropCommentaryParticiples, dropRefusedComment } from './commentary';
import { trimSpeakerLinks, widenSpeaker } from './speaker-edges';
import { bodyBeforeTitle, noDanglingEnd, nounAfterArticle, qualifierToSource, wholeNameToCue } from './source-phrase';
import { contentStopsAtOtherSpeaker } from './other-speaker';
import { findingSubjectDrafts } from './finding-subject';
import { reportsNoStatement } from './no-statement';
import { passiveSubject, raisedSubject } from './raised-subject';
import { extendCue, tightenContent } from './tighten';
import { type Tagged, tagText } from './tag';
import { dashBylineDrafts } from './dash-byline';
import { trailingSpeakerDrafts } from './trailing-speaker';
import { dropStraddlingSources } from './straddling-source';
import { appositiveToSource } from './source-appositive';
import { sourceWithoutWhen } from './source-when';
import { mendSourceGaps } from './source-gaps';
import { answerNotQuestion, questionNotAnswerer } from './fronted-question';
import { nameReadAsContent } from './relative-speaker';
import { balanceQuotes, reclaimAfterSay, rejoinQuantifier, skipAddressee } from './clause-edges';

/** One attribution as found in the text: spans only, before speakers are typed and resolved. */
export interface DetectedAttribution {
  cue: Span[];
  source: Span[];
  content: Span[];
  /** How it was found; the claim builder uses it to pick the kind and confidence. */
  origin: 'quote' | 'tagger' | 'rule' | 'continuation' | 'hedge';
  /** Index (in the returned list) of the attribution whose speaker this one continues. */
  continues?: number;
  confidence: number;
  /** `accurate` only: the tagger's mean probability per role over this attribution's tokens (for calibration). */
  scores?: RoleScores;
}

/**
 * Finds who said what: a trained tagger marks cue, source and content words, grouping links them per
 * cue, precise rules cover wire-copy patterns, and uncovered quotations continue the previous speaker.
 * Never throws: on malformed input the worst outcome is an empty list.
 */
const LONE_PREPOSITION = new Set(
  'under from in at on with by for of to after before during over into amid despite'.split(' '),
);

export function detectAttributions(text: string, model: ExtractorModel = 'fast'): DetectedAttribution[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    return detect(text, model);
  } catch {
    return [];
  }
}

// One word ("The", "so", "it") is no statement anyone could check; on PolNeAR dev 17 of 20 such were wrong.
const MIN_CONTENT_WORDS = 2;
const WORDLIKE = /[\p{L}\p{N}]/u;

const repairTags = (t: Tagged) =>
  contentToClauseEnd(
    contentNotOverSpeaker(
      sourceAfterOpener(
        cueAfterConjunction(
          dropCuesInRelativeClause(
            dropCuesInSubordinateClause(
              dropCuesInReportedClause(
                subjectBeforeInterjection(
                  nounBeforeCue(dropCommentaryParticiples(dropRefusedComment(mendSourceGaps(t)))),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );

// `accurate` falls back to the perceptrons when its weights (src/extraction/model/neural.bin) are missing.
export type { ExtractorModel } from '../models';

function detect(text: string, which: ExtractorModel): DetectedAttribution[] {
  // The perceptron model also carries the cue particles and lexicon both taggers' rules use.
  // `accurate` falls back to the perceptrons only when its weights are missing (then the table is built on first use).
  const model = loadModel(which === 'fast');
  if (!model) return [];
  const tagged = (which === 'accurate' ? neuralTagText(text) : null) ?? tagText(text, model);
  const { tokens, words } = tagged;
  const lay = layout(tokens);
  const furniture = furnitureParagraphs(text, tokens);
  // Runs of whole tokens give spans with 0 <= start < end <= text.length; filtering happens before
  // continuations are added, so their `continues` indices stay right.
  const wellFormed = (rs: TagRun[]) => rs.every((r) => 0 <= r.first && r.first <= r.last && r.last < tokens.length);
  const contentWords = (d: Draft) => {
    let n = 0;
    for (const r of d.content)
      for (let i = r.first; i <= r.last && n < MIN_CONTENT_WORDS; i++) if (WORDLIKE.test(tokens[i]!.text)) n++;
    return n;
  };
  const keep = (d: Draft) =>
    d.content.length > 0 &&
    wellFormed(d.content) &&
    wellFormed(d.cue) &&
    wellFormed(d.source) &&
    contentWords(d) >= MIN_CONTENT_WORDS &&
    // "The government has known that since 2019": a content saying only when is no statement.
    !(d.content.length === 1 && isCircumstance(tokens, d.content[0]!)) &&
    // "Under questioning from Sen. Elizabeth Warren, …": a preposition alone is no cue (`fast` made one of "Under").
    !(d.cue.length === 1 && d.cue[0]!.first === d.cue[0]!.last && LONE_PREPOSITION.has(words[d.cue[0]!.first]!)) &&
    !d.content.some((r) => furniture.has(tokens[r.first]!.para));
  const placed = mergeDrafts(
    groupRuns(repairTags(tagged), lay),
    [
      ...ruleDrafts(tokens, words, lay),
      ...trailingSpeakerDrafts(tokens, words, lay),
      ...findingSubjectDrafts(tokens, words, lay),
      ...colonDrafts(tokens, words),
      ...dashBylineDrafts(tokens),
    ],
    words,
    tokens,
  )
    .map((d) =>
      attachParticles(tokens, words, extendCue(tokens, words, tightenContent(tokens, lay, d)), model.cueParticles),
    )
    .map((d) => infinitiveToContent(tokens, words, fixCueEdges(tokens, words, d, model.cueParticles)))
    .map((d) => questionNotAnswerer(tokens, words, answerNotQuestion(tokens, words, d)))
    .map((d) => skipAddressee(tokens, words, rejoinQuantifier(tokens, words, reclaimAfterSay(tokens, words, d))));
  const cueAt = cueMarks(tokens.length, placed);
  const merged = placed
    .map((d) =>
      appositiveToSource(tokens, words, trimSpeakerLinks(words, tokens, widenSpeaker(tokens, words, lay, cueAt, d))),
    )
    .map((d) => noDanglingEnd(tokens, words, cueAt, wholeNameToCue(tokens, nounAfterArticle(tokens, words, cueAt, d))))
    .map((d) => bodyBeforeTitle(tokens, words, cueAt, qualifierToSource(tokens, words, cueAt, d)))
    .map((d) => contentStopsAtOtherSpeaker(tokens, d))
    .map((d) => sourceWithoutWhen(tokens, d))
    .map((d) => resumedQuote(tokens, lay, bothSides(tokens, words, lay, tagged, d)))
    .map((d) =>
      whenBeforeThat(tokens, danglingEnd(tokens, pastAbbreviation(tokens, lay, tagged.cue, tagged.source, d))),
    )
    .map((d) =>
      passiveSubject(
        words,
        raisedSubject(
          words,
          mediumTail(
            tokens,
            predicateAfterAppositive(
              tokens,
              lay,
              tagged.cue,
              contentEndsAtQuote(tokens, midPhraseEnd(tokens, lay, tagged.cue, d)),
            ),
          ),
        ),
      ),
    )
    .filter((d) => keep(d) && !reportsNoStatement(tokens, words, d) && !nameReadAsContent(words, d));
  const kept = oneClaimPerContent(dropStraddlingSources(merged));
  const prob = 'prob' in tagged ? (tagged as NeuralTagged).prob : null;
  // Continuations come last, so dropping one leaves every `continues` index valid; quotation marks are balanced
  // after every step that may move a content's edges.
  return continuations(tokens, lay, joinQuoteChains(tokens, lay, kept))
    .filter((d, i) => i < kept.length || keep(d))
    .map((d) => balanceQuotes(tokens, d))
    .map((d) => {
      const out = toDetected(tokens, d);
      if (prob)
        out.scores = {
          cue: meanOver(prob.cue, d.cue),
          source: meanOver(prob.source, d.source),
          content: meanOver(prob.content, d.content),
        };
      return out;
    });
}

/** 1 at every token that is a cue of one of the drafts. */
function cueMarks(n: number, drafts: Draft[]): Uint8Array {
  const at = new Uint8Array(n);
  for (const d of drafts) for (const r of d.cue) at.fill(1, r.first, r.last + 1);
  return at;
}
