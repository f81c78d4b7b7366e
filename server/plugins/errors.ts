import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.js';
import type { Problem } from '../schemas/common.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Fastify's own client errors, mapped to stable codes. */
const FASTIFY_CODES: Record<string, { status: number; code: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'empty_body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_content_length' },
  FST_ERR_BAD_URL: { status: 400, code: 'bad_url' },
};

export function problem(
  request: FastifyRequest,
  status: number,
  code: string,
  detail?: string,
  extra: Partial<Problem> = {},
): Problem {
  return {
    type: `urn:foodbank:problem:${code}`,
    title: TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error'),
    status,
    code,
    ...(detail ? { detail } : {}),
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  if (body.retryAfterSeconds) reply.header('retry-after', String(body.retryAfterSeconds));
  return reply.status(body.status).type('application/problem+json').send(body);
}

function validationProblem(request: FastifyRequest, error: FastifyError): Problem {
  const errors = (error.validation ?? []).map((v) => {
    const params = v.params as Record<string, unknown>;
    const child = params.missingProperty ?? params.additionalProperty;
    const field = `${v.instancePath}${child !== undefined ? `/${String(child)}` : ''}` || '/';
    const message =
      params.additionalProperty !== undefined ? 'is not an allowed field' : (v.message ?? 'is invalid');
    return { field, message };
  });
  const where = error.validationContext ?? 'request';
  return problem(request, 400, 'validation_failed', `The ${where} is not valid`, { errors });
}

/**
 * The one place errors become responses: RFC 9457 problem+json with a stable `code`. Client
 * mistakes get a 4xx that explains them; anything else is a 500 that reveals nothing.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof AppError) {
        return sendProblem(reply, problem(request, error.status, error.code, error.message, error.extra));
      }
      if (error.validation) return sendProblem(reply, validationProblem(request, error));

      const known = error.code ? FASTIFY_CODES[error.code] : undefined;
      if (known) return sendProblem(reply, problem(request, known.status, known.code, error.message));

      const status = error.statusCode ?? 500;
      if (status === 429) return sendProblem(reply, problem(request, 429, 'rate_limited', 'Too many requests'));
      if (status >= 400 && status < 500) {
        return sendProblem(reply, problem(request, status, 'bad_request', error.message));
      }
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(reply, problem(request, 500, 'internal_error', 'Something went wrong on our side'));
    });
  },
  { name: 'errors' },
);
