import type { Entity } from './entities';

interface Owner {
  entity: Entity;
  /** How often the article names this person in full. */
  count: number;
  /** When the person was last written of, in full or by a surname read as them. */
  last: number;
  /** Where the person was first named. */
  since: number;
}

/**
 * Who a lone name word stands for when several people share it. An obituary of "Margaret Ellison" quotes "her son,
 * Daniel Ellison", then writes "Ellison said" of her: newsrooms call the namesake they mention less by full or first
 * name, and the story's subject by surname. So a shared word goes to the person named in full most often, and only
 * on a tie to the latest full name (which alone pinned her words on her son). Headlines make ties common:
 * "Disavow Lindsey Graham Endorsement" is one more full name, once.
 */
export class Namesakes {
  private readonly owners = new Map<string, Map<string, Owner>>();
  private written = 0;

  /**
   * One mention of a full name. A lone surname already read as that name (an alias) counts only as the latest
   * mention: counting it would count the reader's own guess. Names with the same first word are one person written
   * two ways ("Brent Bozell III", "Brent Bozell"); the latest spelling stands for them.
   */
  add(word: string, entity: Entity): void {
    // A surname read as this name is no full mention, but it is the latest time the person was written of.
    const counted = entity.alias ? 0 : 1;
    const byFirst = this.owners.get(word) ?? new Map<string, Owner>();
    this.owners.set(word, byFirst);
    const first = entity.tokens[0] ?? '';
    const owner = byFirst.get(first);
    if (owner) {
      if (counted) owner.entity = entity;
      owner.count += counted;
      owner.last = this.written++;
    } else byFirst.set(first, { entity, count: counted, last: this.written++, since: entity.start });
  }

  /**
   * The person `word` stands for; undefined when no full name holds it. Only people named before `before` count:
   * in "Clinton, 35, the daughter of former President Bill Clinton and … Hillary Clinton, said", the parents named
   * inside the speaker's own description are not who "Clinton" is.
   */
  get(word: string, before = Number.POSITIVE_INFINITY): Entity | undefined {
    let best: Owner | undefined;
    for (const owner of this.owners.get(word)?.values() ?? []) {
      if (owner.since >= before) continue;
      if (!best || owner.count > best.count || (owner.count === best.count && owner.last > best.last)) best = owner;
    }
    return best?.entity;
  }

  /** Whether the full names of more than one person (told apart by their first words) hold `word`. */
  shared(word: string): boolean {
    return (this.owners.get(word)?.size ?? 0) > 1;
  }
}
