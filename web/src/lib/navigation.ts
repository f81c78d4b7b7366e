import type { Role } from '../api/client';

export interface AppRoute {
  /** A path, with `:name` for a parameter. */
  path: string;
  labelKey: string;
  roles: readonly Role[];
  /** Shown in the main navigation (pages reached from another page are not). */
  inNav: boolean;
}

const ALL: readonly Role[] = ['admin', 'staff', 'donor', 'agency'];
const WAREHOUSE: readonly Role[] = ['admin', 'staff'];
const DONOR: readonly Role[] = ['donor'];
const AGENCY: readonly Role[] = ['agency'];

/** Every page of the app and who may use it; the shell shows only what the role may use. */
export const ROUTES: AppRoute[] = [
  { path: '/', labelKey: 'nav.home', roles: ALL, inNav: true },
  { path: '/intake', labelKey: 'nav.intake', roles: WAREHOUSE, inNav: true },
  { path: '/stock', labelKey: 'nav.stock', roles: WAREHOUSE, inNav: true },
  { path: '/stock/expiring', labelKey: 'nav.expiring', roles: WAREHOUSE, inNav: true },
  { path: '/counts', labelKey: 'nav.counts', roles: WAREHOUSE, inNav: true },
  { path: '/shipments', labelKey: 'nav.shipments', roles: WAREHOUSE, inNav: true },
  { path: '/items', labelKey: 'nav.items', roles: WAREHOUSE, inNav: true },
  { path: '/locations', labelKey: 'nav.locations', roles: WAREHOUSE, inNav: true },
  { path: '/lots/:id', labelKey: 'lot.title', roles: WAREHOUSE, inNav: false },
  { path: '/requests', labelKey: 'nav.requests', roles: WAREHOUSE, inNav: true },
  { path: '/requests/:id', labelKey: 'nav.request', roles: WAREHOUSE, inNav: false },
  { path: '/matching', labelKey: 'nav.matching', roles: WAREHOUSE, inNav: true },
  { path: '/matching/:id', labelKey: 'nav.matchingRound', roles: WAREHOUSE, inNav: false },
  { path: '/agencies', labelKey: 'nav.agencies', roles: WAREHOUSE, inNav: true },
  { path: '/agencies/:id', labelKey: 'nav.agency', roles: WAREHOUSE, inNav: false },
  { path: '/donors', labelKey: 'nav.donors', roles: WAREHOUSE, inNav: true },
  { path: '/donors/:id', labelKey: 'nav.donor', roles: WAREHOUSE, inNav: false },
  { path: '/receipts', labelKey: 'nav.receipts', roles: WAREHOUSE, inNav: true },
  { path: '/receipts/:id', labelKey: 'nav.receipt', roles: ['admin', 'staff', 'donor'], inNav: false },
  { path: '/donor', labelKey: 'nav.myDonor', roles: DONOR, inNav: true },
  { path: '/donor/plans', labelKey: 'nav.myPlans', roles: DONOR, inNav: true },
  { path: '/donor/history', labelKey: 'nav.myHistory', roles: DONOR, inNav: true },
  { path: '/donor/receipts', labelKey: 'nav.myReceipts', roles: DONOR, inNav: true },
  { path: '/agency', labelKey: 'nav.myAgency', roles: AGENCY, inNav: true },
  { path: '/agency/requests', labelKey: 'nav.myRequests', roles: AGENCY, inNav: true },
  { path: '/agency/requests/:id', labelKey: 'nav.myRequest', roles: AGENCY, inNav: false },
  { path: '/users', labelKey: 'nav.users', roles: ['admin'], inNav: true },
  { path: '/account/password', labelKey: 'nav.account', roles: ALL, inNav: true },
];

export const navigationFor = (role: Role) => ROUTES.filter((route) => route.inNav && route.roles.includes(role));

/** The route a path belongs to and its parameters, e.g. /lots/12 → { id: '12' }. */
export function matchRoute(path: string): { route: AppRoute; params: Record<string, string> } | null {
  const parts = path.split('/').filter(Boolean);
  for (const route of ROUTES) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    if (pattern.every((p, i) => (p.startsWith(':') ? ((params[p.slice(1)] = decodeURIComponent(parts[i]!)), true) : p === parts[i]))) {
      return { route, params };
    }
  }
  return null;
}
