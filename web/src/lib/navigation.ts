import type { Role } from '../api/client';

export interface NavEntry {
  path: string;
  labelKey: string;
  roles: readonly Role[];
}

const ALL: readonly Role[] = ['admin', 'staff', 'donor', 'agency'];

/** Every page of the app and who may use it; the shell shows only what the role may use. */
export const NAVIGATION: NavEntry[] = [
  { path: '/', labelKey: 'nav.home', roles: ALL },
  { path: '/users', labelKey: 'nav.users', roles: ['admin'] },
  { path: '/account/password', labelKey: 'nav.account', roles: ALL },
];

export const navigationFor = (role: Role) => NAVIGATION.filter((entry) => entry.roles.includes(role));
