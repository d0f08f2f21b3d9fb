import { articleRoutes } from '../articles/routes';
import { keyRoutes } from '../auth/key-routes';
import { authRoutes } from '../auth/routes';
import { claimRoutes } from '../claims/routes';
import type { Deps } from '../deps';
import { factcheckRoutes } from '../factchecks/routes';
import type { RouteDef } from '../http/route';
import { importRoutes } from '../imports/routes';
import { claimActionRoutes } from '../reviews/actions';
import { matchingRoutes } from '../matching/routes';
import { claimReviewRoutes } from '../reviews/claimreview-routes';
import { reviewRoutes } from '../reviews/routes';
import { webhookRoutes } from '../webhooks/routes';
import { searchRoutes } from '../search/routes';
import { speakerRoutes } from '../speakers/routes';
import { healthRoutes } from './health';

/** Every API route, in one list: mounted by the app and described by the OpenAPI document. */
export function allRoutes(deps: Deps): RouteDef[] {
  return [
    ...healthRoutes(deps),
    ...authRoutes(deps),
    ...articleRoutes(deps),
    ...claimRoutes(deps),
    ...reviewRoutes(deps),
    ...claimActionRoutes(deps),
    ...claimReviewRoutes(deps),
    ...importRoutes(deps),
    ...webhookRoutes(deps),
    ...keyRoutes(deps),
    ...searchRoutes(deps),
    ...speakerRoutes(deps),
    ...factcheckRoutes(deps),
    ...matchingRoutes(deps),
  ];
}
