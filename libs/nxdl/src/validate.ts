/** Validation of one NeXus file against the NeXus rules and its application definitions. */
import { checkApplicationDefinitions } from './app-entries.js';
import { checkDefaultChain, walkBase } from './base-walk.js';
import { CheckContext } from './check-context.js';
import type { ValidationReport } from '#libs/model/src/scan/index.js';
import { FileView, type ExternalLinkPolicy } from './h5-view.js';
import { MAX_VALUE_BYTES } from './limits.js';
import { NxdlLibrary } from './nxdl-library.js';

export interface ValidateOptions {
  /**
   * Validate every NXentry against this application definition instead of its
   * own `definition` field (NXsubentry groups keep theirs). Default: none.
   */
  app?: string;
  /**
   * Which external links are followed. Default `'never'`: a file from outside
   * could name any file of the server. Give `{ allowedRoot }` for files we
   * wrote, to follow links into that directory only.
   */
  externalLinks?: ExternalLinkPolicy;
}

const library = new NxdlLibrary();

/**
 * Reads `file` (read-only) and reports what breaks the NeXus rules or the
 * application definitions in force. Errors are constraints of an application
 * definition or structural NeXus rules; warnings are recommendations,
 * base-class-only constraints, deprecations and style.
 *
 * Throws when the file cannot be opened as HDF5, or when `options.app` is not
 * an application definition this validator carries.
 */
export async function validateNexusFile(
  file: string,
  options: ValidateOptions = {},
): Promise<ValidationReport> {
  const { app, externalLinks = 'never' } = options;
  if (app !== undefined && library.appEntry(app) === undefined) {
    throw new Error(
      `${app} is not a supported application definition (${library.supportedApplications().join(', ')})`,
    );
  }
  const view = await FileView.open(file, externalLinks);
  try {
    const ctx = new CheckContext(view, library, app);
    walkBase(ctx, view.root(), '/');
    checkDefaultChain(ctx);
    const definitions = checkApplicationDefinitions(ctx);
    for (const where of view.tooLarge) {
      ctx.findings.warn(
        where,
        'too_large',
        `value larger than ${MAX_VALUE_BYTES} bytes; not read, and not checked`,
      );
    }
    return { definitions, ...ctx.findings.summary() };
  } finally {
    view.close();
  }
}

/** Names of the application definitions this validator carries rules for. */
export function listSupportedDefinitions(): string[] {
  return library.supportedApplications();
}
