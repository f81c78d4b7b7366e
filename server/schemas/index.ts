import { AccessTokenSchema, ChangePasswordBodySchema, FoodBankSchema, LoginBodySchema, MeSchema, RoleSchema, UserSchema } from './auth.js';
import { FieldErrorSchema, ProblemSchema } from './common.js';
import { HealthSchema } from './health.js';
import {
  CorrectionBodySchema,
  CreateDonorBodySchema,
  DonationBodySchema,
  DonationLineInputSchema,
  DonationLineSchema,
  DonationListSchema,
  DonationSchema,
  DonorListSchema,
  DonorSchema,
  StorageZoneSchema,
} from './donations.js';
import {
  DisposalBodySchema,
  DisposalSchema,
  ItemStockListSchema,
  ItemStockSchema,
  LotStockListSchema,
  LotStockSchema,
  MovementListSchema,
  MovementSchema,
  TransferBodySchema,
  TransferSchema,
} from './stock.js';
import { ReceiveBodySchema, ShipBodySchema, ShipmentLineSchema, ShipmentListSchema, ShipmentSchema } from './shipments.js';
import { CreatedUserSchema, CreateUserBodySchema, UpdateUserBodySchema, UserListSchema } from './users.js';

/**
 * Named schemas, registered once with `app.addSchema` so routes reference them with `ref()` and
 * the OpenAPI document names them. A schema used through `ref()` must be listed here.
 */
export const SHARED_SCHEMAS = [
  FieldErrorSchema,
  ProblemSchema,
  HealthSchema,
  RoleSchema,
  UserSchema,
  FoodBankSchema,
  MeSchema,
  LoginBodySchema,
  AccessTokenSchema,
  ChangePasswordBodySchema,
  UserListSchema,
  CreateUserBodySchema,
  CreatedUserSchema,
  UpdateUserBodySchema,
  StorageZoneSchema,
  DonorSchema,
  DonorListSchema,
  CreateDonorBodySchema,
  DonationLineInputSchema,
  DonationBodySchema,
  DonationLineSchema,
  DonationSchema,
  DonationListSchema,
  CorrectionBodySchema,
  ItemStockSchema,
  ItemStockListSchema,
  LotStockSchema,
  LotStockListSchema,
  MovementSchema,
  MovementListSchema,
  DisposalBodySchema,
  DisposalSchema,
  TransferBodySchema,
  TransferSchema,
  ShipBodySchema,
  ReceiveBodySchema,
  ShipmentLineSchema,
  ShipmentSchema,
  ShipmentListSchema,
];
