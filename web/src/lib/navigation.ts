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
