import { Type, type Static, type TSchema, type TUnsafe } from 'typebox';

/**
 * A reference to a shared schema registered with `app.addSchema`. The OpenAPI document then shows
 * it as a named component, and the static type still comes from the schema itself.
 */
export function ref<T extends TSchema>(schema: T): TUnsafe<Static<T>> {
  const id = (schema as { $id?: string }).$id;
  if (!id) throw new Error('ref() needs a schema with an $id');
  return Type.Unsafe<Static<T>>({ $ref: `${id}#` });
}

/**
 * A request field that may be null. Declared `nullable` rather than as a union with null: with
 * the server's `coerceTypes`, Ajv would turn a null into the other branch ("" or 0) and store that.
 */
export function orNull<T extends TSchema>(schema: T): TUnsafe<Static<T> | null> {
  return Type.Unsafe<Static<T> | null>({ ...schema, nullable: true });
}

export const FieldErrorSchema = Type.Object(
  {
    field: Type.String({ description: 'JSON pointer of the offending field, e.g. /email' }),
    message: Type.String(),
  },
  { $id: 'FieldError', additionalProperties: false },
);

/** RFC 9457 problem details; `code` is stable and what clients translate into a message. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(ref(FieldErrorSchema))),
    retryAfterSeconds: Type.Optional(Type.Integer()),
    facts: Type.Optional(
      Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()]), {
        description: 'What the refusal is about, e.g. {itemId, lotId, locationId, requested, available}',
      }),
    ),
  },
  { $id: 'Problem', additionalProperties: false },
);
export type Problem = Static<typeof ProblemSchema>;

/** For commands that take no fields: anything sent is refused rather than ignored. */
export const EmptyBodySchema = Type.Object({}, { additionalProperties: false });

export const IdParamsSchema = Type.Object({ id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const Timestamp = Type.String({ format: 'date-time' });

/** A problem+json response, documented with the media type it is actually sent with. */
export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref(ProblemSchema) } },
});

const DESCRIPTIONS: Record<number, string> = {
  400: 'The request is not valid (see `errors`)',
  401: 'Not signed in, or the token has expired',
  403: 'Your role may not do this',
  404: 'Not found in your food bank',
  409: 'Conflicts with the current state',
  422: 'Breaks a rule of the domain (see `code` and `facts`)',
  429: 'Too many attempts; see Retry-After',
};

/** Problem responses for the given statuses, so each route documents how it can fail. */
export function problems<const S extends number>(...statuses: S[]): Record<S, ReturnType<typeof problemResponse>> {
  return Object.fromEntries(statuses.map((s) => [s, problemResponse(DESCRIPTIONS[s] ?? 'Problem')])) as Record<
    S,
    ReturnType<typeof problemResponse>
  >;
}
