import type { Entity } from './entities';
import { Namesakes } from './namesakes';

// A company's legal form, or the trade its name ends in: "Meta Platforms" is "Meta" and "Lumora Bank" "Lumora" once
// named in full. Not every organization head of the lexicon: bodies named for people ("Clinton Foundation", "Trump
// Organization") would make "Clinton said" and "Trump said" the body's.
const LEGAL_SUFFIX =
  /^(?:Inc|Corp|Co|Ltd|LLC|plc|PLC|AG|SA|NV|SE|GmbH|Limited|Incorporated|Corporation|Platforms|Holdings|Group|Bank|Airlines|Energy|Water|Motors|Technologies|Pharmaceuticals|Industries|Systems)\.?$/;

/**
 * The named people met so far while reading, indexed for the coreference pass: by full name, by each
 * name word (surnames), by title word, and the latest ones in subject position.
 */
export class NameMemory {
  readonly byName = new Map<string, Entity>();
  readonly byToken = new Map<string, Entity>();
  readonly byTitleWord = new Map<string, Entity>();
  /** Surnames several people share ("Ellison" of mother and son), and whom each stands for. */
  private readonly namesakes = new Namesakes();
  /** Subjects and surely-personal names in reading order, so a pronoun can skip the ones inside its own quotation. */
  readonly subjects: Entity[] = [];
  readonly persons: Entity[] = [];
  /**
   * Subjects named in full whom nothing marks as people (no title, no known first name: "Ange Postecoglou was less
   * impressed."): not antecedents to look far back for, but nearer than any speaker before them.
   */
  readonly looseSubjects: Entity[] = [];
  lastNamed: Entity | null = null;
  private next = 0;

  constructor(private readonly entities: Entity[]) {}

  /** Takes in every entity starting before `pos`; positions only grow, so the whole pass is linear. */
  advance(pos: number): void {
    for (; this.next < this.entities.length; this.next++) {
      const e = this.entities[this.next];
      if (!e || e.start >= pos) break;
      // Bodies are looked up by name ("Allergan" after "Allergan, the maker of Botox") but are no antecedent for "he".
      if (e.institution) {
        this.byName.set(e.name, e);
        // "Lumora Inc" is "Lumora" from then on (not a bare "Federal" from "Federal Reserve": two words at least).
        const bare = e.tokens.length >= 2 && LEGAL_SUFFIX.test(e.tokens[e.tokens.length - 1]!);
        if (bare) this.byName.set(e.tokens.slice(0, -1).join(' '), e);
        continue;
      }
      this.lastNamed = e;
      if (e.certain) this.persons.push(e);
      if (e.subject && e.certain) this.subjects.push(e);
      else if (e.subject && e.type === 'person' && e.tokens.length >= 2 && e.tokens.length <= 3)
        this.looseSubjects.push(e);
      // A bare repeat of a body's name says nothing new; it must not turn the body into a person.
      if (e.title || !this.byName.get(e.name)?.institution) this.byName.set(e.name, e);
      const fuller = e.tokens.length === 1 ? this.fullNameOf(e.tokens[0]!) : undefined;
      if (fuller && fuller.tokens.length >= 2) this.titleFullName(fuller, e);
      else if (e.tokens.length >= 2 || e.title) for (const t of e.tokens) this.byToken.set(t, e);
      if (e.tokens.length >= 2 && e.certain) this.namesakes.add(e.tokens[e.tokens.length - 1]!, e);
      for (const w of (e.title ?? '').toLowerCase().split(/\s+/)) if (w) this.byTitleWord.set(w, e);
    }
  }

  /**
   * "Sen. Ayotte" after "Kelly Ayotte" is the same woman: a titled surname keeps pointing to the full name it
   * shortens, which takes the title if it had none.
   */
  private titleFullName(full: Entity, surname: Entity): void {
    if (!surname.title || full.title) return;
    const titled: Entity = {
      ...full,
      title: surname.title,
      affiliation: surname.affiliation ?? full.affiliation,
      type: surname.type,
      certain: true,
    };
    if (this.byName.get(full.name) === full) this.byName.set(full.name, titled);
    for (const t of full.tokens) if (this.byToken.get(t) === full) this.byToken.set(t, titled);
  }

  /**
   * The name `word` belongs to: the latest one holding it, or when several people's names hold it, the one
   * Namesakes picks (as it stands now, titled by a later surname: byName holds that version).
   */
  private fullNameOf(word: string, before?: number): Entity | undefined {
    if (!this.namesakes.shared(word)) return this.byToken.get(word);
    const owner = this.namesakes.get(word, before);
    return owner && (this.byName.get(owner.name) ?? owner);
  }

  /**
   * A lone name word as the full name it shortens ("Dr. Ellison" → Margaret Ellison, titled "Dr."), else itself;
   * still where the word stands, since recency decides between antecedents.
   */
  expand(e: Entity): Entity {
    const full = e.tokens.length === 1 && !e.institution ? this.lookup(e.name, e.tokens) : undefined;
    return full && full !== e ? { ...full, start: e.start, subject: e.subject } : e;
  }

  /** The latest entity of `list` outside the given spans ("“… Maria Lopez …,” she said": not Maria Lopez). */
  latestOutside(list: Entity[], spans: [number, number][]): Entity | null {
    for (let i = list.length - 1; i >= 0 && i >= list.length - 50; i--) {
      const e = list[i]!;
      if (!spans.some(([a, b]) => a <= e.start && e.start < b)) return e;
    }
    return null;
  }

  /**
   * The full name behind a mention's name: itself if known, or for a lone surname or first name the latest
   * name containing it (for a surname several people share, Namesakes' pick among those named before `before`).
   * A first word expands only into a surely-personal name ("Kim" → "Kim Jong-un", not "Democracy" → "Democracy
   * Corps"); "Hillary Clinton" stays as written.
   */
  lookup(name: string, tokens: string[], before?: number): Entity | undefined {
    const full = this.byName.get(name);
    if (tokens.length !== 1) return full;
    const written = tokens[0] ?? '';
    const word = this.byToken.has(written) ? written : capitalised(written);
    const partial = this.fullNameOf(word, before);
    if (!partial || partial.tokens.length < 2 || !partial.tokens.includes(word)) return full;
    return partial.certain || partial.tokens[partial.tokens.length - 1] === word ? partial : full;
  }
}

/**
 * Transcripts write the speaker's surname in capitals ("STREETING: …"); "Wes Streeting" is the same man. Only
 * words of four letters or more: shorter ones are mostly acronyms ("NHS", "CIA").
 */
function capitalised(word: string): string {
  return word.length >= 4 && /^\p{Lu}+$/u.test(word) ? word[0] + word.slice(1).toLowerCase() : word;
}
