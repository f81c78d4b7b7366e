import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParamsSchema, problems, ref } from '../schemas/common.js';
import {
  BarcodeBodySchema,
  BarcodeLookupSchema,
  BarcodeParamsSchema,
  CategoryListSchema,
  CategorySchema,
  CreateCategoryBodySchema,
  CreateItemBodySchema,
  ItemBarcodeParamsSchema,
  ItemListQuerySchema,
  ItemListSchema,
  ItemSchema,
  UpdateCategoryBodySchema,
  UpdateItemBodySchema,
} from '../schemas/catalog.js';
import { requireActor } from '../plugins/auth.js';
import {
  attachBarcode,
  changeCategory,
  changeItem,
  createCategory,
  createItem,
  detachBarcode,
  getCategories,
  getItem,
  listItems,
  lookupBarcode,
  removeItem,
} from '../services/catalog.js';

const staff = { access: ['admin', 'staff'] as const };
const admin = { access: ['admin'] as const };

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/categories',
    { config: staff, schema: { tags: ['catalog'], summary: 'Item categories', response: { 200: ref(CategoryListSchema), ...problems(401, 403) } } },
    async (request) => ({ items: getCategories(app.db, requireActor(request)) }),
  );

  app.post(
    '/categories',
    {
      config: admin,
      schema: { tags: ['catalog'], summary: 'Add a category', body: ref(CreateCategoryBodySchema), response: { 201: ref(CategorySchema), ...problems(400, 401, 403, 409) } },
    },
    async (request, reply) => reply.status(201).send(createCategory(app.db, requireActor(request), request.body)),
  );

  app.patch(
    '/categories/:id',
    {
      config: admin,
      schema: {
        tags: ['catalog'],
        summary: 'Rename a category or change whether it is accepted at intake',
        params: IdParamsSchema,
        body: ref(UpdateCategoryBodySchema),
        response: { 200: ref(CategorySchema), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => changeCategory(app.db, requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/items',
    {
      config: staff,
      schema: { tags: ['catalog'], summary: 'Search the catalog', querystring: ItemListQuerySchema, response: { 200: ref(ItemListSchema), ...problems(400, 401, 403) } },
    },
    async (request) => listItems(app.db, requireActor(request), request.query),
  );

  app.post(
    '/items',
    {
      config: staff,
      schema: {
        tags: ['catalog'],
        summary: 'Add an item (optionally with its barcodes)',
        body: ref(CreateItemBodySchema),
        response: { 201: ref(ItemSchema), ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(createItem(app.db, requireActor(request), request.body)),
  );

  app.get(
    '/items/:id',
    { config: staff, schema: { tags: ['catalog'], summary: 'One item with its barcodes', params: IdParamsSchema, response: { 200: ref(ItemSchema), ...problems(401, 403, 404) } } },
    async (request) => getItem(app.db, requireActor(request), request.params.id),
  );

  app.patch(
    '/items/:id',
    {
      config: staff,
      schema: {
        tags: ['catalog'],
        summary: 'Change an item; an item with stock cannot be deactivated',
        params: IdParamsSchema,
        body: ref(UpdateItemBodySchema),
        response: { 200: ref(ItemSchema), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => changeItem(app.db, requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/items/:id',
    {
      config: admin,
      schema: {
        tags: ['catalog'],
        summary: 'Delete an item nobody used yet',
        params: IdParamsSchema,
        response: { 204: Type.Null(), ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      removeItem(app.db, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/items/:id/barcodes',
    {
      config: staff,
      schema: {
        tags: ['catalog'],
        summary: 'Add a GTIN barcode to an item (a case barcode counts for several units)',
        params: IdParamsSchema,
        body: ref(BarcodeBodySchema),
        response: { 201: ref(ItemSchema), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(attachBarcode(app.db, requireActor(request), request.params.id, request.body)),
  );

  app.delete(
    '/items/:id/barcodes/:barcodeId',
    {
      config: staff,
      schema: { tags: ['catalog'], summary: 'Remove a barcode', params: ItemBarcodeParamsSchema, response: { 204: Type.Null(), ...problems(401, 403, 404) } },
    },
    async (request, reply) => {
      detachBarcode(app.db, requireActor(request), request.params.id, request.params.barcodeId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/barcodes/:code',
    {
      config: staff,
      schema: {
        tags: ['catalog'],
        summary: 'What a scanned barcode is',
        description: 'A valid code no item has answers 404 `unknown_barcode`; an invalid one 400 `invalid_gtin`.',
        params: BarcodeParamsSchema,
        response: { 200: ref(BarcodeLookupSchema), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => lookupBarcode(app.db, requireActor(request), request.params.code),
  );
};
export default routes;
