import type { Deps } from '../deps';
import { defineRoute } from '../http/route';
import { IdParams } from '../http/schemas';
import { mergeSpeakers, renameSpeaker, splitSpeaker } from './editing';
import {
  MergeInput,
  RenameInput,
  SpeakerClaimPage,
  SpeakerClaimsQuery,
  SpeakerDetail,
  SpeakerListQuery,
  SpeakerPage,
  SplitInput,
} from './schema';
import { pageOfSpeakerClaims, pageOfSpeakers, speakerDetail } from './service';

export function speakerRoutes(deps: Deps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/speakers',
      summary: 'The speaker registry: people and organisations quoted across articles, by name',
      tags: ['speakers'],
      auth: 'any',
      query: SpeakerListQuery,
      responses: { 200: { description: 'A page of speakers, by name', schema: SpeakerPage } },
      handler: async ({ query, res }) => {
        res.json(await pageOfSpeakers(deps, query));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/speakers/:id',
      summary: 'One speaker with verdict counts and, from 4 reviewed claims up, a track record',
      tags: ['speakers'],
      auth: 'any',
      params: IdParams,
      responses: { 200: { description: 'The speaker', schema: SpeakerDetail } },
      problems: [404],
      handler: async ({ params, res }) => {
        res.json(await speakerDetail(deps.db, params.id));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/speakers/:id/claims',
      summary: "A speaker's claims across articles, oldest first",
      tags: ['speakers'],
      auth: 'any',
      params: IdParams,
      query: SpeakerClaimsQuery,
      responses: { 200: { description: 'A page of claims', schema: SpeakerClaimPage } },
      problems: [404],
      handler: async ({ params, query, res }) => {
        res.json(await pageOfSpeakerClaims(deps, params.id, query));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/speakers/:id/merge',
      summary: 'Merge another speaker into this one (one person recorded twice); undone by splitting its claims off',
      tags: ['speakers'],
      auth: ['editor'],
      params: IdParams,
      body: MergeInput,
      responses: { 200: { description: 'This speaker after the merge', schema: SpeakerDetail } },
      problems: [404, 409],
      handler: async ({ params, body, auth, res }) => {
        res.json(await mergeSpeakers(deps, params.id, body.other_id, auth!));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/speakers/:id/split',
      summary:
        'Move claims to a new speaker (two people recorded as one); the claims of an earlier merge restore that speaker',
      tags: ['speakers'],
      auth: ['editor'],
      params: IdParams,
      body: SplitInput,
      responses: { 201: { description: 'The speaker the claims moved to', schema: SpeakerDetail } },
      problems: [404, 409],
      handler: async ({ params, body, auth, res }) => {
        res.status(201).json(await splitSpeaker(deps, params.id, body.claim_ids, auth!));
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/v1/speakers/:id',
      summary: 'Rename a speaker; the old name stays as an alias',
      tags: ['speakers'],
      auth: ['editor'],
      params: IdParams,
      body: RenameInput,
      responses: { 200: { description: 'The renamed speaker', schema: SpeakerDetail } },
      problems: [404, 409],
      handler: async ({ params, body, auth, res }) => {
        res.json(await renameSpeaker(deps, params.id, body.name, auth!));
      },
    }),
  ];
}
