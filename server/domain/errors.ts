/**
 * The one failure convention: services throw an AppError carrying a stable `code` and the facts a
 * client needs; the error plugin turns it into RFC 9457 problem+json at the edge.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { retryAfterSeconds?: number; facts?: Record<string, string | number | null> } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found`);
export const unauthorized = (code = 'unauthorized', message = 'Authentication is required') =>
  new AppError(401, code, message);
export const forbidden = (message = 'Your role may not do this') => new AppError(403, 'forbidden', message);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const unprocessable = (code: string, message: string, facts?: Record<string, string | number | null>) =>
  new AppError(422, code, message, facts ? { facts } : {});
