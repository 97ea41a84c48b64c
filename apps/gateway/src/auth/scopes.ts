/**
 * What a key may do. `beamline:<NAME>:write` opens, feeds, closes and reads
 * that beamline's scans and reads its schema; `beamline:<NAME>:schema`
 * uploads (and reads) that beamline's schema; `read` reads every scan and
 * schema; `admin` does everything.
 */
import { canonicalBeamline } from '#libs/model/src/index.js';

export type Access = 'read' | 'write';

export const SCOPE_PATTERN =
  /^(?:read|admin|beamline:[A-Za-z0-9][A-Za-z0-9_-]{0,63}:(?:write|schema))$/;

export class Grants {
  private readonly writable: Set<string>;
  private readonly schemaWritable: Set<string>;
  private readonly readAll: boolean;
  private readonly admin: boolean;

  constructor(scopes: readonly string[]) {
    this.admin = scopes.includes('admin');
    this.readAll = this.admin || scopes.includes('read');
    this.writable = beamlinesWith(scopes, 'write');
    this.schemaWritable = beamlinesWith(scopes, 'schema');
  }

  /** May this key upload (`write`) or read the schema of `beamline`? */
  allowsSchema(access: Access, beamline: string): boolean {
    const name = canonicalBeamline(beamline);
    if (this.admin || this.schemaWritable.has(name)) return true;
    return access === 'read' && (this.readAll || this.writable.has(name));
  }

  /** May this key do `access` on a scan of `beamline`? */
  allows(access: Access, beamline: string): boolean {
    if (this.admin || this.writable.has(canonicalBeamline(beamline))) return true;
    return access === 'read' && this.readAll;
  }

  /** May this key read scans of every beamline (the unfiltered catalog)? */
  get readsAll(): boolean {
    return this.readAll;
  }

  get isAdmin(): boolean {
    return this.admin;
  }

  get writesAny(): boolean {
    return this.admin || this.writable.size > 0;
  }
}

function beamlinesWith(scopes: readonly string[], right: 'write' | 'schema'): Set<string> {
  return new Set(
    scopes
      .filter((scope) => scope.startsWith('beamline:') && scope.endsWith(`:${right}`))
      .map((scope) => canonicalBeamline(scope.split(':')[1] ?? '')),
  );
}
