import { randomUUID } from 'node:crypto';
import { withTransaction } from '../../src/db/pool';
import { joinGroups } from '../../src/matching/groups';
import { matchArticles } from '../../src/matching/propose';
import { startTestApp, type TestApp } from '../support/app';
import { insertArticleWithClaims } from '../support/claims';
import { claimReview, postFeed } from './support';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const SAID = 'the harbour tunnel will carry forty thousand lorries a week off the coast road by next spring';
const OTHER = 'the new hospital wing has already cut waiting times in the emergency department by half since march';

/** One article quoting a claim, stored as extracted and not yet matched. */
async function appearance(n: number, content = SAID) {
  const speaker = ['Mayor Ann Lee', 'Councillor Bo Kim', 'Minister Cy Park'][n % 3]!;
  const { articleId, claimIds } = await insertArticleWithClaims(
    app.deps.db,
    `${speaker} said ${content}. (${n}, ${Math.random()})`,
    [{ speaker, content, checkworthy: 0.8 }],
  );
  return { articleId, claimId: claimIds[0]! };
}

const groupOf = async (claimIds: string[]) => {
  const { rows } = await app.deps.db.query('select id, group_id from claim where id = any($1::uuid[])', [claimIds]);
  const byId = new Map(rows.map((r) => [r.id as string, r.group_id as string | null]));
  return claimIds.map((id) => byId.get(id) ?? null);
};

describe('when one matching run repeats two different claims at once', () => {
  it('then each repeat joins the group of its first appearance, and each automatic link is in its history once', async () => {
    const firsts = [await appearance(0), await appearance(1, OTHER)];
    for (const a of firsts) await matchArticles(app.deps, [a.articleId]);
    const repeats = [await appearance(2), await appearance(3, OTHER)];
    await matchArticles(
      app.deps,
      repeats.map((a) => a.articleId),
    );
    const groups = await groupOf([...firsts, ...repeats].map((a) => a.claimId));
    expect(groups[0]).toBeTruthy();
    expect(groups[1]).toBeTruthy();
    expect(groups[0]).not.toBe(groups[1]);
    expect(groups).toEqual([groups[0], groups[1], groups[0], groups[1]]);
    const { rows } = await app.deps.db.query(
      `select (select count(*) from claim_match m where m.claim_id = c.id and m.state = 'auto')::int as links,
              (select count(*) from claim_event e where e.claim_id = c.id and e.type = 'match_auto')::int as events
         from claim c where c.id = any($1::uuid[])`,
      [repeats.map((a) => a.claimId)],
    );
    expect(rows).toEqual([
      { links: 1, events: 1 },
      { links: 1, events: 1 },
    ]);
  });
});

describe('when new links reach claims of two groups and a fact-check with a group', () => {
  it('then the groups merge into the smallest id, and a claim linked to the fact-check joins its group', async () => {
    const cs = await Promise.all([0, 1, 2, 3, 4, 5, 6].map((n) => appearance(10 + n, `${SAID} ${n}`)));
    const [low, high] = [randomUUID(), randomUUID()].sort() as [string, string];
    await app.deps.db.query('update claim set group_id = $2 where id = any($1::uuid[])', [
      [cs[0]!.claimId, cs[1]!.claimId],
      high,
    ]);
    await app.deps.db.query('update claim set group_id = $2 where id = $1', [cs[2]!.claimId, low]);
    // A fact-check one claim of the `high` group is linked to.
    expect((await postFeed(app, [claimReview()])).body.stored).toBe(1);
    const { rows } = await app.deps.db.query('select id from factcheck order by created_at desc limit 1');
    const factcheckId = rows[0].id as string;
    await app.deps.db.query(
      `insert into claim_match (claim_id, factcheck_id, state, score, model_version) values ($1, $2, 'confirmed', 0.9, 'test')`,
      [cs[1]!.claimId, factcheckId],
    );

    await withTransaction(app.deps.db, (tx) =>
      joinGroups(tx, [
        { claim_id: cs[3]!.claimId, factcheck_id: null, target_claim_id: cs[2]!.claimId },
        { claim_id: cs[4]!.claimId, factcheck_id: factcheckId, target_claim_id: null },
        { claim_id: cs[3]!.claimId, factcheck_id: null, target_claim_id: cs[4]!.claimId },
      ]),
    );
    expect(await groupOf(cs.slice(0, 5).map((c) => c.claimId))).toEqual([low, low, low, low, low]);
    // Two loners linked to each other draw a new group of their own.
    await withTransaction(app.deps.db, (tx) =>
      joinGroups(tx, [{ claim_id: cs[6]!.claimId, factcheck_id: null, target_claim_id: cs[5]!.claimId }]),
    );
    const own = await groupOf([cs[5]!.claimId, cs[6]!.claimId]);
    expect(own[0]).toBeTruthy();
    expect(own).toEqual([own[0], own[0]]);
    expect(own[0]).not.toBe(low);
  });
});

describe('when one matching run holds several appearances of a claim never seen before', () => {
  it('then each links once, to the first current appearance in another article, and a superseded one is no target', async () => {
    const content = 'the ferry operator will double sailings to the northern islands before the summer season begins';
    const [gone, first, second, third] = [
      await appearance(20, content),
      await appearance(21, content),
      await appearance(22, content),
      await appearance(23, content),
    ];
    await app.deps.db.query("update claim set status = 'superseded' where id = $1", [gone!.claimId]);
    await matchArticles(
      app.deps,
      [third!, second!, first!].map((a) => a.articleId),
    );
    const { rows } = await app.deps.db.query(
      `select claim_id, target_claim_id from claim_match where claim_id = any($1::uuid[]) and target_claim_id is not null
        order by claim_id, target_claim_id`,
      [[gone!, first!, second!, third!].map((a) => a.claimId)],
    );
    const pairs = (from: { claimId: string }, to: { claimId: string }[]) =>
      to.map((t) => ({ claim_id: from.claimId, target_claim_id: t.claimId }));
    const sort = (xs: { claim_id: string; target_claim_id: string }[]) =>
      [...xs].sort(
        (a, b) => a.claim_id.localeCompare(b.claim_id) || a.target_claim_id.localeCompare(b.target_claim_id),
      );
    // The third finds the first and the second, copies of one text: one link, to the first appearance.
    expect(rows).toEqual(sort([...pairs(second!, [first!]), ...pairs(third!, [first!])]));
  });
});
