/**
 * Checks what the key of a request may do (when API_KEYS_FILE is set) against
 * the access its route declares: 403 when the key's scopes do not cover the
 * scan's beamline. Whether a key was sent at all is settled earlier, before
 * the body is read (authenticate-on-request.ts). Keys are never logged.
 */
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../problem/domain-error.js';
import { ACCESS_RULE, type AccessRule } from './access.decorator.js';
import type { StoredApiKey } from './api-keys.js';
import { authenticatedKey } from './authenticate-on-request.js';
import { ScanBeamlines } from './scan-beamlines.js';
import { Grants } from './scopes.js';

export const API_KEYS = Symbol('API_KEYS');

type Request = FastifyRequest<{
  Params: { scanId?: string; beamline?: string };
  Querystring: { beamline?: unknown };
  Body: { beamline?: unknown } | undefined;
}>;

@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(API_KEYS) private readonly keys: ReadonlyMap<string, StoredApiKey> | undefined,
    private readonly scanBeamlines: ScanBeamlines,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.keys === undefined) return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]) ?? { kind: 'authenticated' };
    if (rule.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const key = this.authenticate(request);
    if (rule.kind === 'authenticated') return true;
    const grants = new Grants(key.scopes);
    if (rule.kind === 'admin') {
      if (grants.isAdmin) return true;
      throw new DomainError(
        'forbidden',
        `Key ${key.id} may not do this: it needs the admin scope.`,
      );
    }
    if (rule.kind === 'schema') {
      const named = request.params.beamline ?? '';
      if (grants.allowsSchema(rule.access, named)) return true;
      throw new DomainError(
        'forbidden',
        rule.access === 'write'
          ? `Key ${key.id} may not upload the schema of beamline ${named}: it needs beamline:${named}:schema or admin.`
          : `Key ${key.id} may not read the schema of beamline ${named}: it needs read, beamline:${named}:write or beamline:${named}:schema.`,
      );
    }
    const beamline = await this.beamlineOf(rule.from, request);
    if (beamline === undefined) {
      // No beamline to check: an unknown scan (404 follows) or a body that
      // validation will refuse (422 follows) for a key that writes somewhere;
      // the unfiltered catalog needs `read`.
      if (rule.from === 'query' ? grants.readsAll : grants.writesAny || grants.readsAll)
        return true;
    } else if (grants.allows(rule.access, beamline)) {
      return true;
    }
    throw new DomainError(
      'forbidden',
      beamline === undefined
        ? 'This key may not read every beamline: name one with ?beamline='
        : `Key ${key.id} may not ${rule.access} scans of beamline ${beamline}.`,
    );
  }

  /** The key the `onRequest` hook found; a route it let through without one is public. */
  private authenticate(request: Request): StoredApiKey {
    const key = authenticatedKey(request);
    if (key === undefined) {
      throw new DomainError('unauthenticated', 'Send an API key: Authorization: Bearer <key>.');
    }
    return key;
  }

  private async beamlineOf(
    from: 'body' | 'scan' | 'query',
    request: Request,
  ): Promise<string | undefined> {
    if (from === 'body') return stringOrUndefined(request.body?.beamline);
    if (from === 'query') return stringOrUndefined(request.query.beamline);
    const scanId = request.params.scanId;
    return scanId === undefined ? undefined : this.scanBeamlines.of(scanId);
  }
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
