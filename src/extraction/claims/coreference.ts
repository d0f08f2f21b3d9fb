import type { Span } from '../types';
import { isWriterAlone } from './author';
import { latestDescribedSubject } from './described-subjects';
import type { Entity } from './entities';
import type { Outlet } from './furniture';
import { GENERIC_HEADS, orgHeadType } from './lexicon';
import { type ParsedMention, SPOKESPERSON_OF } from './mention';
import { NameMemory } from './names';
import { fromEntity, fromMention, isPersonal, publication, type Referent } from './referent';

/** How a speaker was found; feeds the claim's confidence. */
export type Resolution = 'named' | 'coreferent' | 'described' | 'unresolved';

interface Recent {
  referent: Referent;
  pos: number;
}

// Antecedents further back than this many speakers are too stale to trust, and the cap keeps resolution linear.
const MEMORY = 50;

/**
 * A small left-to-right coreference pass. Speakers must be resolved in reading order: each resolved
 * speaker becomes a candidate antecedent for the pronouns and descriptions that follow.
 */
const SENTENCE_ENDS = /[.!?]["”’']?\s+/g;

export class Coreference {
  private readonly recent: Recent[] = [];
  private readonly names: NameMemory;
  /** The content of the attribution being resolved: its speaker is never someone named inside it. */
  private quoted: Span[] = [];
  /** Where the mention being resolved starts. */
  private at = 0;

  constructor(
    entities: Entity[],
    private readonly outlet: Outlet,
    /** The text and its page furniture, for subjects described by role (see latestDescribedSubject). */
    private readonly source: { text: string; isFurniture: (pos: number) => boolean } = {
      text: '',
      isFurniture: () => false,
    },
  ) {
    this.names = new NameMemory(entities);
  }

  /** `pos`..`end` is the mention; entities inside it count, so its own title and affiliation are known. */
  resolve(m: ParsedMention, pos: number, end: number, quoted: Span[] = []): { referent: Referent; how: Resolution } {
    this.names.advance(m.pronoun ? pos : end);
    this.quoted = quoted;
    this.at = pos;
    const result = this.find(m);
    this.recent.push({ referent: result.referent, pos });
    if (this.recent.length > MEMORY) this.recent.shift();
    return result;
  }

  /** Speakers inherited by continued quotes still count as the latest speaker for pronouns after them. */
  remember(referent: Referent, pos: number): void {
    this.recent.push({ referent, pos });
    if (this.recent.length > MEMORY) this.recent.shift();
  }

  private find(m: ParsedMention): { referent: Referent; how: Resolution } {
    if (this.outlet.author && isWriterAlone(m)) return { referent: fromMention(this.outlet.author), how: 'named' };
    if (m.pronoun === 'we' || this.outlet.spellings.has(m.text.toLowerCase())) {
      return { referent: publication(this.outlet.name), how: 'named' };
    }
    if (m.pronoun === 'he' || m.pronoun === 'she') return this.personPronoun(m.pronoun === 'he' ? 'f' : 'm');
    if (m.pronoun === 'they' || m.pronoun === 'it') {
      const plural = m.pronoun === 'they';
      const hit = this.lastSpeaker((r) => (plural ? r.plural || r.institution : r.institution));
      return hit ? { referent: hit, how: 'coreferent' } : { referent: fromMention(m), how: 'unresolved' };
    }
    if (m.pronoun === 'you') return { referent: { ...fromMention(m), name: null }, how: 'unresolved' };
    if (m.pronoun === 'who') {
      const speaker = this.recent[this.recent.length - 1];
      const named = this.names.lastNamed;
      const referent =
        named && (!speaker || named.start > speaker.pos)
          ? fromEntity(this.names.expand(named))
          : (speaker?.referent ?? null);
      if (!referent || (m.text.toLowerCase() === 'which' && !this.rightBefore(referent))) {
        return { referent: { ...fromMention(m), name: null }, how: 'unresolved' };
      }
      return { referent, how: 'coreferent' };
    }
    if (m.name) {
      const found = this.named(m);
      const type = this.principalType(SPOKESPERSON_OF.exec(m.title ?? '')?.[1]);
      return type ? { ...found, referent: { ...found.referent, type } } : found;
    }
    if (m.determiner === 'the' && m.head) {
      const hit = this.definite(m);
      if (hit) return { referent: hit, how: 'coreferent' };
    }
    const described = fromMention(m);
    // "A Hochul spokesman"; "a spokesman for Hochul" too, when that tells more than "a person" ("Cameron's
    // spokesman" stays an official when Cameron was named without his office).
    const byName = this.principalType(SPOKESPERSON_OF.exec(m.role ?? '')?.[1]);
    const byBody = /^spokes/.test(m.head ?? '') ? this.principalType(m.affiliation) : null;
    const type = byName ?? (byBody === 'person' ? null : byBody);
    return { referent: { ...described, type: type ?? described.type }, how: 'described' };
  }

  /**
   * "A Hochul spokesman" after "Gov. Kathy Hochul": a person's spokesman is typed as that person is (mention.ts types
   * one whose principal it cannot tell as a business's).
   */
  private principalType(word: string | null | undefined): Referent['type'] | null {
    const principal = word && !word.includes(' ') ? this.names.lookup(word, [word], this.at) : undefined;
    // Surely a person named in full before, the word their surname.
    if (!principal?.certain || principal.institution || principal.tokens.length < 2 || principal.tokens.at(-1) !== word)
      return null;
    return fromEntity(principal).type;
  }

  /**
   * Whether the word just before the relative pronoun belongs to the referent's name. "Which" attaches to the noun
   * it follows: in "Economists at ING said the delay would not unsettle bond markets, which had expected a deal",
   * the markets expected, not the economists named earlier; such a claim is left without a speaker.
   */
  private rightBefore(referent: Referent): boolean {
    const word = /(\p{L}[\p{L}\p{N}'’.-]*)[\s,]*$/u.exec(
      this.source.text.slice(Math.max(0, this.at - 80), this.at),
    )?.[1];
    if (!word || !referent.name) return false;
    const names = referent.name.toLowerCase().split(/[\s,]+/);
    return names.includes(word.toLowerCase());
  }

  private personPronoun(excluded: 'm' | 'f'): { referent: Referent; how: Resolution } {
    const latest = this.recent[this.recent.length - 1]?.referent;
    const ok = (r: Referent) =>
      !r.plural &&
      !r.institution &&
      r.gender !== excluded &&
      (isPersonal(r.type, r.head) ||
        (!r.anonymous && r.type === 'media') ||
        // "Mick Whelan, general secretary of the ASLEF union, said …. He accused …": a named leader speaks for the
        // body but is a "he" — only as the latest speaker, since a leader's gender is seldom known and an older one
        // would catch every "she" the nearer speakers cannot take.
        (r === latest && !r.anonymous && r.type === 'organization' && r.name !== null && r.title !== null));
    const speakerAt = this.lastSpeakerEntry(ok);
    const found = this.names.latestOutside(this.names.subjects, this.quoted);
    const subject = found && this.names.expand(found);
    const subjectOk = subject && fromEntity(subject).gender !== excluded;
    // A person described as the subject of a sentence since then ("Labour's shadow health secretary accused …")
    // is nearer than any speaker or named subject before it.
    const described = latestDescribedSubject(this.source.text, this.at, this.source.isFurniture, this.quoted);
    const newest = Math.max(speakerAt?.pos ?? -1, subject && subjectOk ? subject.start : -1);
    // "Ange Postecoglou was less impressed. He said …": a subject named in full since the last speaker is who "he"
    // is, though nothing says it is a person; the speaker before it would be the wrong one.
    const loose = this.names.latestOutside(this.names.looseSubjects, this.quoted);
    if (loose && loose.start > newest && (!described || loose.start > described.pos) && this.justBefore(loose))
      return { referent: fromEntity(loose), how: 'coreferent' };
    if (described && described.pos > newest && described.referent.gender !== excluded) {
      return { referent: described.referent, how: 'coreferent' };
    }
    if (subject && subjectOk && (!speakerAt || subject.start > speakerAt.pos)) {
      return { referent: fromEntity(subject), how: 'coreferent' };
    }
    if (speakerAt) return { referent: speakerAt.referent, how: 'coreferent' };
    // No speaker yet: the latest named person, wherever in the sentence it stood.
    const latestPerson = this.names.latestOutside(this.names.persons, this.quoted);
    const person = latestPerson && this.names.expand(latestPerson);
    if (person && fromEntity(person).gender !== excluded) return { referent: fromEntity(person), how: 'coreferent' };
    return {
      // Nobody to point back to: precision first, the claim keeps its content but names no type it cannot back.
      referent: {
        name: null,
        type: 'unknown',
        anonymous: true,
        title: null,
        affiliation: null,
        head: null,
        plural: false,
        institution: false,
        gender: excluded === 'm' ? 'f' : 'm',
      },
      how: 'unresolved',
    };
  }

  /**
   * Whether a name nothing marks as a person reads as the subject just before the pronoun: opening a sentence of its
   * paragraph, at most one sentence back, written as a name (not in capitals: "FULL TEXT", "DES MOINES") and followed by a lowercase
   * word (its verb), not a colon or a line's end.
   */
  private justBefore(e: Entity): boolean {
    const text = this.source.text;
    const between = text.slice(e.start, this.at);
    if (between.includes('\n') || (between.match(SENTENCE_ENDS) ?? []).length > 1) return false;
    // Opening its sentence ("… if Islamic State videos did surface" is no subject of its own).
    if (!/(?:^|\n|[.!?]["”’']?)\s*$/u.test(text.slice(Math.max(0, e.start - 4), e.start))) return false;
    if (e.tokens.some((t) => !/^\p{Lu}\p{Ll}/u.test(t))) return false;
    const after = text.slice(e.start, e.start + 200);
    const name = e.tokens.join(' ');
    return after.startsWith(name) && /^\s+\p{Ll}/u.test(after.slice(name.length));
  }

  /** Surnames and repeated names take the full name, title and type given where the name was introduced. */
  private named(m: ParsedMention): { referent: Referent; how: Resolution } {
    const own = fromMention(m);
    const entity = m.institution ? undefined : this.names.lookup(m.name ?? '', m.nameTokens, this.at);
    if (entity?.institution) return { referent: { ...fromEntity(entity), name: m.name }, how: 'named' };
    if (!entity) return { referent: unintroduced(m, own) ? { ...own, type: 'unknown' } : own, how: 'named' };
    let known = fromEntity(entity);
    // "The city attorney, Brian Keller, said …" then "“…,” Keller said": the title came with the first claim's
    // speaker, not next to the name, so the person who spoke under that name lends it.
    const spoke = known.title ? null : this.lastSpeaker((r) => r.name === known.name && !r.institution && !!r.title);
    if (spoke)
      known = { ...known, title: spoke.title, affiliation: known.affiliation ?? spoke.affiliation, type: spoke.type };
    return {
      referent: {
        ...known,
        // The mention's own words win when they say more than "a person" ("Kristen Gillibrand (D-NY)").
        type: m.title || own.type !== 'person' ? own.type : known.type,
        title: m.title ?? known.title,
        affiliation: m.affiliation ?? known.affiliation,
      },
      how: entity.tokens.length > m.nameTokens.length ? 'coreferent' : 'named',
    };
  }

  /**
   * "the person", "the source", "the insider" point back to the latest unnamed source, whatever other speakers
   * came between; role descriptions ("the official", "the professor") to the latest speaker with that role or title.
   */
  private definite(m: ParsedMention): Referent | null {
    const head = m.head ?? '';
    const singular = (r: Referent) => r.plural === m.plural;
    if (GENERIC_HEADS.has(head)) {
      return this.lastSpeaker((r) => singular(r) && r.anonymous && r.type === 'source');
    }
    // "The FNV union" names one union: it is not "their union" of the paragraph before unless that said "FNV" too.
    // "The Bank of England" is not "the European Central Bank" said before it: the body's own words count too.
    const marks = `${m.role ?? ''} ${m.affiliation ?? ''}`
      .split(/\s+/)
      .filter((w) => /^\p{Lu}/u.test(w) && w.toLowerCase() !== head);
    const said = (r: Referent) => marks.every((w) => `${r.name ?? ''} ${r.title ?? ''}`.includes(w));
    // "the union" is not "a union official": a body's word must head the title ("the spokesman" may match
    // "Ministry spokesman"), while a role word may stand anywhere in it ("the minister": "Minister of Economy").
    const body = orgHeadType(head) !== null;
    const hasTitle = (r: Referent) => {
      const words = (r.title ?? '').toLowerCase().split(/\s+/);
      return body ? words[words.length - 1] === head : words.includes(head);
    };
    const byRole = this.lastSpeaker((r) => singular(r) && said(r) && (r.head === head || hasTitle(r)));
    if (byRole) return byRole;
    const titled = this.names.byTitleWord.get(head);
    const referent = titled ? fromEntity(titled) : null;
    return referent && said(referent) && hasTitle(referent) ? referent : null;
  }

  private lastSpeaker(ok: (r: Referent) => boolean): Referent | null {
    return this.lastSpeakerEntry(ok)?.referent ?? null;
  }

  private lastSpeakerEntry(ok: (r: Referent) => boolean): Recent | null {
    for (let i = this.recent.length - 1; i >= 0; i--) {
      const r = this.recent[i];
      if (r && ok(r.referent)) return r;
    }
    return null;
  }
}

/**
 * "According to Opta, …": one capitalised word never introduced in full, with no title, party or known first name.
 * News names a person in full first; such a word is as often a body (Opta, Hamas, Uber) as a person, and the brief
 * asks for `unknown` over a guessed person.
 */
function unintroduced(m: ParsedMention, own: Referent): boolean {
  const word = m.nameTokens[0] ?? '';
  // A capitalised plural is people of a kind ("Americans", "Millennials", "Investors"): persons, as the guide has them.
  return (
    own.type === 'person' &&
    m.nameTokens.length === 1 &&
    !m.title &&
    !m.affiliation &&
    own.gender === null &&
    !/s$/.test(word)
  );
}
