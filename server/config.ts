import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** Everything the server reads from its environment, validated once and frozen. */
export interface Config {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly databasePath: string;
  readonly jwtSecret: string;
  /** Encrypts personal data at rest (resident registration numbers). */
  readonly dataEncryptionKey: string;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlDays: number;
  readonly bodyLimitBytes: number;
  readonly logLevel: string;
  readonly trustProxy: boolean;
  readonly cookieSecure: boolean;
  readonly loginRateLimitPerMinute: number;
  readonly loginMaxFailuresPerAccount: number;
  readonly loginLockoutMinutes: number;
  readonly adminEmail: string | undefined;
  readonly adminPassword: string | undefined;
  readonly foodBankName: string;
  readonly webDistDir: string;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

/**
 * A secret from the environment, or generated once and kept in the data directory (mode 0600), so
 * it survives restarts without ever living in the repository. Losing the file loses what it
 * protects: back it up with the database.
 */
function persistentSecret(env: Env, name: string, dataDir: string, file: string, minLength: number): string {
  const given = env[name];
  if (given !== undefined && given !== '') {
    if (given.length < minLength) throw new ConfigError(`${name} must be at least ${minLength} characters`);
    return given;
  }
  const location = path.join(dataDir, file);
  if (existsSync(location)) return readFileSync(location, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(location, secret + '\n', { mode: 0o600 });
  return secret;
}

export function loadConfig(env: Env = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR || 'data');
  mkdirSync(dataDir, { recursive: true });
  const databasePath = env.DATABASE_PATH ? path.resolve(env.DATABASE_PATH) : path.join(dataDir, 'foodbank.db');
  mkdirSync(path.dirname(databasePath), { recursive: true });

  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);

  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 10) {
    throw new ConfigError('ADMIN_PASSWORD must be at least 10 characters');
  }

  return Object.freeze({
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 3000, 0, 65535),
    dataDir,
    databasePath,
    jwtSecret: persistentSecret(env, 'JWT_SECRET', dataDir, 'jwt-secret', 32),
    dataEncryptionKey: persistentSecret(env, 'DATA_ENCRYPTION_KEY', dataDir, 'data-encryption-key', 32),
    accessTokenTtlSeconds: integer(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400),
    refreshTokenTtlDays: integer(env, 'REFRESH_TOKEN_TTL_DAYS', 14, 1, 365),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600),
    logLevel,
    trustProxy: boolean(env, 'TRUST_PROXY', false),
    cookieSecure: boolean(env, 'COOKIE_SECURE', false),
    loginRateLimitPerMinute: integer(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 20, 1, 10_000),
    loginMaxFailuresPerAccount: integer(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginLockoutMinutes: integer(env, 'LOGIN_LOCKOUT_MINUTES', 15, 1, 1440),
    adminEmail: env.ADMIN_EMAIL?.trim().toLowerCase() || undefined,
    adminPassword,
    foodBankName: env.FOOD_BANK_NAME || '우리동네푸드뱅크',
    webDistDir: path.resolve(env.WEB_DIST_DIR || 'web/dist'),
  });
}
