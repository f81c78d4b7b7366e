import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../config.js';
import type { Access } from '../plugins/auth.js';
import { ROLES } from '../domain/roles.js';
import { problemResponse } from '../schemas/common.js';
import authRoutes from './auth.js';
import healthRoutes from './health.js';
import meRoutes from './me.js';
import userRoutes from './users.js';
import catalogRoutes from './catalog.js';
import locationRoutes from './locations.js';
import donorRoutes from './donors.js';
import donationRoutes from './donations.js';
import stockRoutes from './stock.js';
import shipmentRoutes from './shipments.js';
import stockCountRoutes from './stock-counts.js';
import receiptRoutes from './receipts.js';
import donorPortalRoutes from './donor-portal.js';
import plannedContributionRoutes from './planned-contributions.js';
import agencyRoutes from './agencies.js';
import agencyPortalRoutes from './agency-portal.js';
import requestRoutes from './requests.js';
import matchingRoundRoutes from './matching-rounds.js';

/**
 * Every API route, in one context whose onRoute hook refuses to start the server if a route does
 * not declare who may call it. Protected routes are marked in the OpenAPI document too.
 */
export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

const api: FastifyPluginAsyncTypebox<{ config: Config; routeAccess: RouteAccess[] }> = async (
  app,
  { config, routeAccess },
) => {
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access === undefined) {
      throw new Error(`Route ${route.method} ${route.url} does not declare config.access`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeAccess.push({ method, url: route.url, access });
    }
    // Whatever else a route declares, its client and server errors are problem+json.
    if (route.schema?.response) {
      route.schema = {
        ...route.schema,
        response: {
          '4xx': problemResponse('Client error'),
          '5xx': problemResponse('Server error; the body reveals nothing internal'),
          ...route.schema.response,
        },
      };
    }
    if (access === 'public') return;
    const roles = access.length === ROLES.length ? 'any signed-in user' : access.join(', ');
    route.schema = {
      ...route.schema,
      security: [{ bearerAuth: [] }],
      description: [route.schema?.description, `Roles: ${roles}.`].filter(Boolean).join('\n\n'),
    };
  });

  const session = { cookieSecure: config.cookieSecure, accessTokenTtlSeconds: config.accessTokenTtlSeconds };
  await app.register(healthRoutes);
  await app.register(authRoutes, { ...session, loginRateLimitPerMinute: config.loginRateLimitPerMinute });
  await app.register(meRoutes, session);
  await app.register(userRoutes);
  await app.register(catalogRoutes);
  await app.register(locationRoutes);
  await app.register(donorRoutes);
  await app.register(donationRoutes);
  await app.register(stockRoutes);
  await app.register(shipmentRoutes);
  await app.register(stockCountRoutes);
  await app.register(receiptRoutes);
  await app.register(plannedContributionRoutes);
  await app.register(donorPortalRoutes);
  await app.register(agencyRoutes, { ...session, applicationsPerMinute: config.loginRateLimitPerMinute });
  await app.register(agencyPortalRoutes);
  await app.register(requestRoutes);
  await app.register(matchingRoundRoutes);

  app.get(
    '/openapi.json',
    {
      config: { access: 'public' },
      schema: { hide: true, response: { 200: Type.Object({}, { additionalProperties: true }) } },
    },
    async () => app.swagger(),
  );
};
export default api;
