/**
 * What a key may do. `beamline:<NAME>:write` opens, feeds, closes and reads
 * that beamline's scans; `read` reads every scan; `admin` does everything.
 */
import { canonicalBeamline } from '#libs/model/src/index.js';

export type Access = 'read' | 'write';

export const SCOPE_PATTERN = /^(?:read|admin|beamline:[A-Za-z0-9][A-Za-z0-9_-]{0,63}:write)$/;

export class Grants {
  private readonly writable: Set<string>;
  private readonly readAll: boolean;
  private readonly admin: boolean;

  constructor(scopes: readonly string[]) {
    this.admin = scopes.includes('admin');
    this.readAll = this.admin || scopes.includes('read');
    this.writable = new Set(
      scopes
        .filter((s) => s.startsWith('beamline:'))
        .map((s) => canonicalBeamline(s.split(':')[1] ?? '')),
    );
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
