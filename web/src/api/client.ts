import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type User = components['schemas']['User'];
export type FoodBank = components['schemas']['FoodBank'];
export type Role = components['schemas']['Role'];
export type Problem = components['schemas']['Problem'];
export type AccessToken = components['schemas']['AccessToken'];

let accessToken: string | null = null;

/** The access token lives in memory only; the refresh token is an httpOnly cookie the page never sees. */
export function setAccessToken(token: string | null): void {
  accessToken = token;
}

/** The typed client: paths, bodies and answers all come from the server's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: '' });

api.use({
  onRequest({ request }) {
    if (accessToken) request.headers.set('authorization', `Bearer ${accessToken}`);
    return request;
  },
});

/** A problem the server sent, or a stand-in when it could not be reached. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.code);
  }
}

export function networkProblem(): Problem {
  return { type: 'about:blank', title: 'Network error', status: 0, code: 'network' };
}

export type Item = components['schemas']['Item'];
export type Category = components['schemas']['Category'];
export type Location = components['schemas']['Location'];
export type Donor = components['schemas']['Donor'];
export type Donation = components['schemas']['Donation'];
export type DonationLineInput = components['schemas']['DonationLineInput'];
export type StorageZone = components['schemas']['StorageZone'];
export type LotStock = components['schemas']['LotStock'];
export type ItemStock = components['schemas']['ItemStock'];
export type StockMovement = components['schemas']['StockMovement'];
export type StockCount = components['schemas']['StockCount'];
export type Shipment = components['schemas']['Shipment'];
