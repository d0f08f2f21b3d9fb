import type { Deps } from '../deps';
import { defineRoute } from '../http/route';
import { IdParams } from '../http/schemas';
import { actOnMatch, type LinkAction } from './links';
import { ClaimGroup, ClaimMatches, Match, MatchParams, MatchRequest, MatchResults } from './schema';
import { claimGroup, claimMatches, matchText } from './views';

const ACTION_SUMMARIES: Record<LinkAction, string> = {
  confirm: 'Confirm a suggested (or automatic) link: the target’s verdict now shows on the claim',
  reject: 'Reject a suggested link: the matcher never proposes this pair again',
  unlink: 'Undo a confirmed or automatic link; the pair stays rejected',
};

export function matchingRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/matches',
      summary: 'Has this been checked before? Fact-checks and earlier claims that match a text, with probabilities',
      tags: ['matching'],
      auth: 'any',
      body: MatchRequest,
      responses: { 200: { description: 'Best matches first', schema: MatchResults } },
      handler: async ({ body, res }) => {
        res.json(await matchText(deps, body.text, body.limit));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/claims/:id/matches',
      summary: 'The links of a claim (suggested, automatic, confirmed, rejected) and its claim group',
      tags: ['matching'],
      auth: 'any',
      params: IdParams,
      responses: { 200: { description: 'Confirmed first, then automatic, suggested, rejected', schema: ClaimMatches } },
      problems: [404],
      handler: async ({ params, res }) => {
        res.json(await claimMatches(deps, params.id));
      },
    }),
    ...(['confirm', 'reject', 'unlink'] as const).map((action) =>
      defineRoute({
        method: 'post',
        path: `/v1/claims/:id/matches/:matchId/${action}`,
        summary: ACTION_SUMMARIES[action],
        tags: ['matching'],
        auth: ['editor', 'reviewer'],
        params: MatchParams,
        responses: { 200: { description: 'The link as it is now', schema: Match } },
        problems: [404, 409],
        handler: async ({ params, auth, res }) => {
          res.json(await actOnMatch(deps, params.id, params.matchId, action, auth!));
        },
      }),
    ),
    defineRoute({
      method: 'get',
      path: '/v1/claim-groups/:id',
      summary: 'A claim group: first appearance, appearances, articles, speakers, fact-check and verdict',
      tags: ['matching'],
      auth: 'any',
      params: IdParams,
      responses: { 200: { description: 'The group', schema: ClaimGroup } },
      problems: [404],
      handler: async ({ params, res }) => {
        res.json(await claimGroup(deps, params.id));
      },
    }),
  ];
}
