import type { AuthContext } from '../auth/types';
import type { Deps } from '../deps';
import { withTransaction } from '../db/pool';
import { AppError, badRequest, notFound } from '../errors';
import {
  claimsOfSpeaker,
  copySpeaker,
  insertSpeakerEvent,
  mergesInto,
  moveClaims,
  refreshStats,
  updateSpeaker,
} from './edit-repository';
import { matchKeysOf } from './identity';
import { getSpeaker, type SpeakerRow } from './repository';
import { speakerDetail } from './service';

/**
 * Editors correct the resolver: merge two records of one person, split one record of two people, rename.
 * Each is a speaker_event carrying what undoes it; a split that takes back exactly the claims of an earlier
 * merge restores the merged speaker itself (same id, name, aliases and keys), so merge then split is a no-op.
 */
export async function mergeSpeakers(deps: Pick<Deps, 'db'>, id: string, otherId: string, actor: AuthContext) {
  if (id === otherId) throw badRequest('same_speaker', 'A speaker cannot be merged into itself.');
  await withTransaction(deps.db, async (tx) => {
    // Locked in id order, so two opposite merges wait for each other instead of deadlocking.
    const [a, b] = [id, otherId].sort();
    const locked = new Map<string, SpeakerRow>();
    for (const x of [a!, b!]) locked.set(x, await live(tx, x));
    const target = locked.get(id)!;
    const other = locked.get(otherId)!;
    const claimIds = await moveClaims(tx, otherId, id);
    const addedAliases = [other.name, ...other.aliases].filter((n) => n !== target.name && !target.aliases.includes(n));
    const addedKeys = other.match_keys.filter((k) => !target.match_keys.includes(k));
    await updateSpeaker(tx, id, {
      aliases: [...new Set([...target.aliases, ...addedAliases])],
      match_keys: [...target.match_keys, ...addedKeys],
    });
    await updateSpeaker(tx, otherId, { merged_into: id });
    await refreshStats(tx, [id, otherId]);
    await insertSpeakerEvent(
      tx,
      id,
      'merge',
      { other_id: otherId, claim_ids: claimIds, added_aliases: addedAliases, added_keys: addedKeys },
      actor,
    );
  });
  return speakerDetail(deps.db, id);
}

/** Moves the given claims to a new speaker (or back to the speaker they were merged from); returns it. */
export async function splitSpeaker(deps: Pick<Deps, 'db'>, id: string, claimIds: string[], actor: AuthContext) {
  const wanted = [...new Set(claimIds)].sort();
  const newId = await withTransaction(deps.db, async (tx) => {
    const speaker = await live(tx, id);
    const owned = new Set(await claimsOfSpeaker(tx, id, wanted));
    const foreign = wanted.filter((c) => !owned.has(c));
    if (foreign.length) {
      throw badRequest('claims_not_of_speaker', `${foreign.length} of the claims are not this speaker's.`, {
        claim_ids: foreign,
      });
    }
    const undone = (await mergesInto(tx, id)).find((e) => sameSet(e.data.claim_ids as string[], wanted));
    const to = undone ? (undone.data.other_id as string) : await copySpeaker(tx, id);
    await moveClaims(tx, id, to, wanted);
    if (undone) {
      const gone = (xs: unknown) => new Set(xs as string[]);
      const aliases = gone(undone.data.added_aliases);
      const keys = gone(undone.data.added_keys);
      await updateSpeaker(tx, id, {
        aliases: speaker.aliases.filter((a) => !aliases.has(a)),
        match_keys: speaker.match_keys.filter((k) => !keys.has(k)),
      });
      await updateSpeaker(tx, to, { merged_into: null });
    }
    await refreshStats(tx, [id, to]);
    await insertSpeakerEvent(
      tx,
      id,
      'split',
      { new_id: to, claim_ids: wanted, restored: !!undone, undoes: undone?.id ?? null },
      actor,
    );
    return to;
  });
  return speakerDetail(deps.db, newId);
}

export async function renameSpeaker(deps: Pick<Deps, 'db'>, id: string, name: string, actor: AuthContext) {
  await withTransaction(deps.db, async (tx) => {
    const s = await live(tx, id);
    if (s.name === name) return;
    // The new name finds this speaker in later articles too; the old one stays an alias and a key.
    const newKeys =
      s.article_id === null
        ? matchKeysOf({ ...s, name, anonymous: false }).filter((k) => !s.match_keys.includes(k))
        : [];
    await updateSpeaker(tx, id, {
      name,
      aliases: [...new Set([...s.aliases.filter((a) => a !== name), s.name])],
      match_keys: [...s.match_keys, ...newKeys],
    });
    await insertSpeakerEvent(tx, id, 'rename', { from: s.name, to: name, added_keys: newKeys }, actor);
  });
  return speakerDetail(deps.db, id);
}

/** The speaker, locked; a speaker merged away is read-only (edit the one it was merged into). */
async function live(tx: Parameters<typeof getSpeaker>[0], id: string): Promise<SpeakerRow> {
  const s = await getSpeaker(tx, id, true);
  if (!s) throw notFound('speaker', id);
  if (s.merged_into) {
    throw new AppError('speaker_merged', 409, `Speaker ${id} was merged into ${s.merged_into}; edit that one.`, {
      merged_into: s.merged_into,
    });
  }
  return s;
}

const sameSet = (a: string[] | undefined, b: string[]) =>
  !!a && a.length === b.length && [...a].sort().every((x, i) => x === b[i]);
