import type { Actor, Role } from '@banli/sdk';
import { ROLES } from '@banli/sdk';
import { importSPKI, type JWTPayload, errors as joseErrors, jwtVerify } from 'jose';
import { HttpProblem } from './problem.js';

/**
 * Who is calling: resolves a request to a banli `Actor`, or `undefined` when it carries no credentials (answered
 * with 401). Throw `HttpProblem` (401/403) for bad credentials. Plug in your OA's session or token check here.
 */
export type ResolveActor = (request: Request) => Actor | undefined | Promise<Actor | undefined>;

const unauthenticated = (zh: string, en: string) => new HttpProblem(401, 'UNAUTHENTICATED', { 'zh-CN': zh, en });

/** Options of `createJwtActorResolver`. */
export interface JwtActorOptions {
  /** Algorithm: `HS256` with `secret`, or `RS256` with `publicKey` (PEM, SPKI). */
  algorithm: 'HS256' | 'RS256';
  /** The shared secret for HS256. */
  secret?: string;
  /** The public key (PEM) for RS256. */
  publicKey?: string;
  /** Required `iss`, if set. */
  issuer?: string;
  /** Required `aud`, if set. */
  audience?: string;
  /** The claim holding the OA role. @defaultValue `role` */
  roleClaim?: string;
  /** The claim holding the OA unit (department) id. @defaultValue `unit` */
  unitClaim?: string;
  /** OA role → banli role (a role not in the map and not a banli role is refused with 403). */
  roleMap?: Record<string, Role>;
  /** OA unit id → banli unit id (unmapped ids are used as they are). */
  unitMap?: Record<string, string>;
  /** Clock tolerance for `exp`/`nbf`, in seconds. @defaultValue 30 */
  clockToleranceSeconds?: number;
}

/**
 * A `ResolveActor` that verifies a signed bearer token (JWT, HS256 or RS256, via `jose`) and maps its claims to an
 * actor: `sub` → `id`, the role claim through `roleMap`, the unit claim through `unitMap`.
 *
 * @example
 * ```ts
 * const resolveActor = createJwtActorResolver({
 *   algorithm: 'HS256',
 *   secret: process.env.BANLI_JWT_SECRET ?? '',
 *   roleMap: { 'oa-handler': 'leadUnit', 'oa-leader': 'leader' },
 * });
 * ```
 */
export function createJwtActorResolver(options: JwtActorOptions): ResolveActor {
  const roleClaim = options.roleClaim ?? 'role';
  const unitClaim = options.unitClaim ?? 'unit';
  let key: Promise<Parameters<typeof jwtVerify>[1]>;
  if (options.algorithm === 'HS256') {
    if (!options.secret) throw new Error('createJwtActorResolver: HS256 needs a secret');
    key = Promise.resolve(new TextEncoder().encode(options.secret));
  } else {
    if (!options.publicKey) throw new Error('createJwtActorResolver: RS256 needs a publicKey (PEM)');
    key = importSPKI(options.publicKey, 'RS256');
  }
  return async (request) => {
    const header = request.headers.get('authorization');
    if (!header) return undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthenticated('Authorization 须为 Bearer 令牌', 'Authorization must be a Bearer token');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1] as string, await key, {
        algorithms: [options.algorithm],
        clockTolerance: options.clockToleranceSeconds ?? 30,
        ...(options.issuer ? { issuer: options.issuer } : {}),
        ...(options.audience ? { audience: options.audience } : {}),
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('令牌已过期', 'The token has expired');
      throw unauthenticated(
        '令牌无效（签名、算法、签发者或受众不符）',
        'Invalid token (signature, algorithm, issuer or audience)',
      );
    }
    const rawRole = payload[roleClaim];
    const role = typeof rawRole === 'string' ? (options.roleMap?.[rawRole] ?? rawRole) : undefined;
    if (!role || !(ROLES as readonly string[]).includes(role))
      throw new HttpProblem(403, 'FORBIDDEN', {
        'zh-CN': `令牌中的角色 “${String(rawRole)}” 未映射到 banli 角色`,
        en: `The token's role "${String(rawRole)}" maps to no banli role`,
      });
    if (typeof payload.sub !== 'string' || payload.sub === '')
      throw unauthenticated('令牌缺少 sub（用户编号）', 'The token has no sub (user id)');
    const rawUnit = payload[unitClaim];
    const unitId = typeof rawUnit === 'string' ? (options.unitMap?.[rawUnit] ?? rawUnit) : undefined;
    return { role: role as Role, id: payload.sub, ...(unitId ? { unitId } : {}) };
  };
}

/**
 * A development-only `ResolveActor`: the caller names itself in the `X-Banli-Actor` header as
 * `role:id` or `role:id:unitId` (e.g. `leadUnit:u1:zs-commerce`). Never use it in production: anyone can be anyone.
 */
export const devActorResolver: ResolveActor = (request) => {
  const header = request.headers.get('x-banli-actor');
  if (!header) return undefined;
  const [role, id, unitId] = header.split(':');
  if (!role || !id || !(ROLES as readonly string[]).includes(role))
    throw unauthenticated(
      `X-Banli-Actor 须为 角色:编号[:单位]，角色之一：${ROLES.join('、')}`,
      `X-Banli-Actor must be role:id[:unitId], role one of ${ROLES.join(', ')}`,
    );
  return { role: role as Role, id, ...(unitId ? { unitId } : {}) };
};

/** Tries resolvers in order; the first that returns an actor wins. */
export function firstActor(...resolvers: ResolveActor[]): ResolveActor {
  return async (request) => {
    for (const r of resolvers) {
      const actor = await r(request);
      if (actor) return actor;
    }
    return undefined;
  };
}
