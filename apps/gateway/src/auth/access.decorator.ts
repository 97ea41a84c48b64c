/** Declares, per route, what a key needs; a route that says nothing needs a valid key. */
import { SetMetadata } from '@nestjs/common';
import type { Access } from './scopes.js';

export type AccessRule =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  /** Operator actions (retry, delete): the `admin` scope only. */
  | { kind: 'admin' }
  /** Access to the scans of one beamline, named by the body, the scan in the path, or the query. */
  | { kind: 'beamline'; access: Access; from: 'body' | 'scan' | 'query' }
  /** A beamline's schema, the beamline named by the path's `:beamline`. */
  | { kind: 'schema'; access: Access };

export const ACCESS_RULE = 'assonant:access-rule';

export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

export const BeamlineAccess = (
  access: Access,
  from: 'body' | 'scan' | 'query',
): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'beamline', access, from } satisfies AccessRule);

export const AdminOnly = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'admin' } satisfies AccessRule);

export const SchemaAccess = (access: Access): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'schema', access } satisfies AccessRule);
