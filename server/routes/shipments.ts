import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParamsSchema, problems, ref } from '../schemas/common.js';
import { ReceiveBodySchema, ShipBodySchema, ShipmentListQuerySchema, ShipmentListSchema, ShipmentSchema } from '../schemas/shipments.js';
import { requireActor } from '../plugins/auth.js';
import { getShipment, listShipments, receiveShipment, shipStock } from '../services/shipments.js';

const warehouse = { access: ['admin', 'staff'] as const };

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/shipments',
    {
      config: warehouse,
      schema: {
        tags: ['stock'],
        summary: 'Shipments your food bank sent or is receiving',
        querystring: ShipmentListQuerySchema,
        response: { 200: ref(ShipmentListSchema), ...problems(400, 401, 403) },
      },
    },
    async (request) => ({ items: listShipments(app.db, requireActor(request), request.query.direction) }),
  );

  app.post(
    '/shipments',
    {
      config: { ...warehouse, idempotent: true },
      schema: {
        tags: ['stock'],
        summary: 'Ship lots to your parent or child food bank; the stock leaves at once',
        body: ref(ShipBodySchema),
        response: { 201: ref(ShipmentSchema), ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(shipStock(app.db, requireActor(request), request.body)),
  );

  app.get(
    '/shipments/:id',
    {
      config: warehouse,
      schema: {
        tags: ['stock'],
        summary: 'One shipment, seen by its sender or its receiver',
        params: IdParamsSchema,
        response: { 200: ref(ShipmentSchema), ...problems(401, 403, 404) },
      },
    },
    async (request) => getShipment(app.db, requireActor(request), request.params.id),
  );

  app.post(
    '/shipments/:id/receive',
    {
      config: warehouse,
      schema: {
        tags: ['stock'],
        summary: 'Confirm what arrived, line by line; shortfalls are recorded',
        params: IdParamsSchema,
        body: ref(ReceiveBodySchema),
        response: { 200: ref(ShipmentSchema), ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => receiveShipment(app.db, requireActor(request), request.params.id, request.body),
  );
};
export default routes;
