import { articleRoutes } from '../articles/routes';
import { authRoutes } from '../auth/routes';
import { claimRoutes } from '../claims/routes';
import type { Deps } from '../deps';
import { factcheckRoutes } from '../factchecks/routes';
import type { RouteDef } from '../http/route';
import { importRoutes } from '../imports/routes';
import { matchingRoutes } from '../matching/routes';
import { claimReviewRoutes } from '../reviews/claimreview-routes';
import { reviewRoutes } from '../reviews/routes';
import { webhookRoutes } from '../webhooks/routes';
import { healthRoutes } from './health';

/** Every API route, in one list: mounted by the app and described by the OpenAPI document. */
export function allRoutes(deps: Deps): RouteDef[] {
  return [
    ...healthRoutes(deps),
    ...authRoutes(deps),
    ...articleRoutes(deps),
    ...claimRoutes(deps),
    ...reviewRoutes(deps),
    ...claimReviewRoutes(deps),
    ...importRoutes(deps),
    ...webhookRoutes(deps),
    ...factcheckRoutes(deps),
    ...matchingRoutes(deps),
  ];
}
