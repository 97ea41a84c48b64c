/**
 * The access rule of every route, read from the controllers' decorators once,
 * so that authentication can run in Fastify's `onRequest` hook (before any body
 * is read) with the same rules the guard enforces afterwards.
 */
import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ACCESS_RULE, type AccessRule } from './access.decorator.js';

const AUTHENTICATED: AccessRule = { kind: 'authenticated' };

export class RouteAccess {
  private readonly rules = new Map<string, AccessRule>();

  constructor(controllers: readonly Type[]) {
    for (const controller of controllers) this.addController(controller);
  }

  /**
   * The rule of a matched route (`url` is Fastify's route pattern, e.g.
   * `/v1/scans/:scanId`); an unmatched request needs a key like any route, so
   * that anonymous callers learn nothing about which paths exist.
   */
  ruleFor(method: string, url: string | undefined): AccessRule {
    if (url === undefined) return AUTHENTICATED;
    const verb = method === 'HEAD' ? 'GET' : method;
    return this.rules.get(`${verb} ${url}`) ?? AUTHENTICATED;
  }

  private addController(controller: Type): void {
    const base = pathOf(Reflect.getMetadata(PATH_METADATA, controller));
    const classRule = Reflect.getMetadata(ACCESS_RULE, controller) as AccessRule | undefined;
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const rule =
        (Reflect.getMetadata(ACCESS_RULE, handler) as AccessRule | undefined) ??
        classRule ??
        AUTHENTICATED;
      const url = joinPaths(base, pathOf(Reflect.getMetadata(PATH_METADATA, handler)));
      this.rules.set(`${RequestMethod[method]} ${url}`, rule);
    }
  }
}

function pathOf(metadata: unknown): string {
  const value: unknown = Array.isArray(metadata) ? (metadata as unknown[])[0] : metadata;
  return typeof value === 'string' ? value : '';
}

function joinPaths(base: string, route: string): string {
  const parts = [base, route].flatMap((part) => part.split('/')).filter((p) => p !== '');
  return `/${parts.join('/')}`;
}
