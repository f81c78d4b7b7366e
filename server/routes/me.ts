import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AccessTokenSchema, ChangePasswordBodySchema, MeSchema } from '../schemas/auth.js';
import { problems, ref } from '../schemas/common.js';
import { ROLES } from '../domain/roles.js';
import { requireActor, setRefreshCookie } from '../plugins/auth.js';
import { changeOwnPassword, getMe } from '../services/me.js';
import { toAccessToken } from '../services/dto.js';

const routes: FastifyPluginAsyncTypebox<{ cookieSecure: boolean; accessTokenTtlSeconds: number }> = async (
  app,
  options,
) => {
  app.get(
    '/me',
    {
      config: { access: ROLES, allowPendingPasswordChange: true },
      schema: {
        tags: ['me'],
        summary: 'The signed-in user and their food bank',
        response: { 200: ref(MeSchema), ...problems(401) },
      },
    },
    async (request) => getMe(app.db, requireActor(request)),
  );

  app.post(
    '/me/password',
    {
      config: { access: ROLES, allowPendingPasswordChange: true },
      schema: {
        tags: ['me'],
        summary: 'Change your own password',
        description: 'Ends every other session of the user and returns a fresh one for this device.',
        body: ref(ChangePasswordBodySchema),
        response: { 200: ref(AccessTokenSchema), ...problems(400, 401) },
      },
    },
    async (request, reply) => {
      const user = await changeOwnPassword(
        app.db,
        requireActor(request),
        request.body.currentPassword,
        request.body.newPassword,
      );
      const session = app.auth.startSession(user);
      setRefreshCookie(reply, session, options.cookieSecure);
      return toAccessToken(session, options.accessTokenTtlSeconds);
    },
  );
};
export default routes;
