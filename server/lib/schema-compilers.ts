import { AjvCompiler } from '@fastify/ajv-compiler';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';

/**
 * Fastify compiles a validator and a serializer per route, part and status code, yet most are the
 * same schema: every route's problem+json answers, a resource several routes return, `{ id }`
 * params. These factories compile each distinct schema once per process (keyed by the schema and
 * the shared schemas it may refer to), which makes start-up several times faster (and each test's
 * app with it) and changes no behaviour.
 */
function compilingOnce<Options, Route extends { schema: unknown; httpPart?: string }, Compiled>(
  build: (externalSchemas: unknown, options: Options) => (route: Route) => Compiled,
) {
  const pools = new Map<string, Map<string, Compiled>>();
  return (externalSchemas: unknown, options: Options) => {
    const poolKey = JSON.stringify([externalSchemas, options]);
    let compiled = pools.get(poolKey);
    if (!compiled) pools.set(poolKey, (compiled = new Map()));
    const compile = build(externalSchemas, options);
    return (route: Route) => {
      const key = JSON.stringify([route.httpPart ?? null, route.schema]);
      let fn = compiled.get(key);
      if (!fn) compiled.set(key, (fn = compile(route)));
      return fn;
    };
  };
}

export const buildSerializer = compilingOnce(SerializerSelector() as never) as ReturnType<typeof SerializerSelector>;
export const buildValidator = compilingOnce(AjvCompiler() as never) as ReturnType<typeof AjvCompiler>;
