import { Type } from 'typebox';

export const HealthSchema = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
    database: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
    uptimeSeconds: Type.Integer(),
  },
  { $id: 'Health', additionalProperties: false },
);
