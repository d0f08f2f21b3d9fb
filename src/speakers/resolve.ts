import type { Db, Queryable } from '../db/pool';
import { withTransaction } from '../db/pool';
import { type Identity, identityOf, pickCandidate, type SpeakerMention } from './identity';
import { representative } from './representative';
import {
  type CandidateSpeaker,
  claimsToResolve,
  findCandidates,
  insertSpeakers,
  lockKeys,
  markResolved,
  type MentionAt,
  pointClaims,
} from './resolve-repository';

/**
 * The SpeakerResolve use case: the unresolved claims of some extracted articles get their registry speaker.
 * Idempotent: only claims without a speaker are touched, under advisory locks on their names, so a repeated
 * or concurrent job neither creates a speaker twice nor counts a claim twice. A first extraction resolves
 * its speakers as it writes the claims (src/articles/first-write.ts); this job is for the other paths.
 */
export async function resolveSpeakers(db: Db, articleIds: string[]): Promise<{ claims: number; created: number }> {
  return await withTransaction(db, async (tx) => {
    const claims = await claimsToResolve(tx, articleIds);
    const { speakerOf, created } = await assignSpeakers(tx, claims);
    const links = [...speakerOf].map(([id, speaker_id]) => ({ id, speaker_id }));
    const linked = await pointClaims(tx, links);
    await markResolved(tx, articleIds);
    return { claims: linked, created };
  });
}

/**
 * Registry speakers for the mentions, found or created: mention `ref` → speaker id, for the mentions that
 * name someone. Takes advisory locks on the mentions' names, held until the caller's transaction ends.
 */
export async function assignSpeakers(
  tx: Queryable,
  mentions: MentionAt[],
): Promise<{ speakerOf: Map<string, string>; created: number }> {
  const groups = groupMentions(mentions);
  const speakerOf = new Map<string, string>();
  if (!groups.size) return { speakerOf, created: 0 };
  await lockKeys(tx, [...groups.keys()]);
  const candidates = await findCandidates(
    tx,
    [...new Set([...groups.values()].flatMap((g) => (g.identity.scope === 'global' ? g.identity.keys : [])))],
    [...new Set([...groups.values()].filter((g) => g.identity.scope === 'article').map((g) => g.articleId))],
  );
  const assigned = new Map<string, string>();
  const fresh: {
    group: string;
    mention: SpeakerMention & { name: string };
    keys: string[];
    articleId: string | null;
  }[] = [];
  for (const [groupKey, g] of groups) {
    const found = matchExisting(g, candidates);
    if (found) assigned.set(groupKey, found.merged_into ?? found.id);
    else
      fresh.push({
        group: groupKey,
        mention: g.mention,
        keys: storedKeys(g),
        articleId: g.identity.scope === 'article' ? g.articleId : null,
      });
  }
  for (const { group, id } of await insertSpeakers(tx, fresh)) assigned.set(group, id);
  for (const [groupKey, g] of groups) for (const ref of g.refs) speakerOf.set(ref, assigned.get(groupKey)!);
  return { speakerOf, created: fresh.length };
}

interface MentionGroup {
  identity: Exclude<Identity, { scope: 'none' }>;
  mention: SpeakerMention & { name: string };
  articleId: string;
  refs: string[];
}

/**
 * One group per speaker as the rules see it: by its first match key, or by article and name when scoped. A
 * group's mention and keys come from all its mentions (see `representative`), not from whichever came first.
 */
function groupMentions(mentions: MentionAt[]): Map<string, MentionGroup> {
  const groups = new Map<string, MentionGroup & { all: (SpeakerMention & { name: string })[]; keys: Set<string> }>();
  for (const c of mentions) {
    const mention = {
      name: c.speaker_name,
      type: c.speaker_type,
      anonymous: c.speaker_anonymous,
      title: c.speaker_title,
      affiliation: c.speaker_affiliation,
    };
    const identity = identityOf(mention);
    if (identity.scope === 'none' || !mention.name) continue;
    const named = { ...mention, name: mention.name };
    const key = identity.scope === 'global' ? identity.keys[0]! : `a:${c.article_id}:${identity.key}`;
    let group = groups.get(key);
    if (!group) {
      group = { identity, mention: named, articleId: c.article_id, refs: [], all: [], keys: new Set() };
      groups.set(key, group);
    }
    group.refs.push(c.ref);
    group.all.push(named);
    if (identity.scope === 'global') for (const k of identity.keys) group.keys.add(k);
  }
  for (const [key, g] of groups) {
    g.mention = representative(g.all);
    // Every key any mention gave names this speaker; the group's own key first (insertSpeakers tells new
    // speakers apart by it), the rest in a fixed order.
    if (g.identity.scope === 'global')
      g.identity = { ...g.identity, keys: [key, ...[...g.keys].filter((k) => k !== key).sort()] };
  }
  return groups;
}

function storedKeys(g: MentionGroup): string[] {
  return g.identity.scope === 'global' ? g.identity.keys : [`a:${g.identity.key}`];
}

function matchExisting(g: MentionGroup, candidates: CandidateSpeaker[]): CandidateSpeaker | undefined {
  const keys = storedKeys(g);
  const sharing = candidates.filter(
    (c) =>
      c.match_keys.some((k) => keys.includes(k)) &&
      (g.identity.scope === 'global' ? c.article_id === null : c.article_id === g.articleId),
  );
  return pickCandidate(g.mention, sharing);
}
