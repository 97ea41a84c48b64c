/**
 * Checks a written file with the project's NeXus validator and turns each
 * missing item of the technique entry into what to send next time.
 */
import type { Finding, ScanValidation } from '#libs/model/src/scan/index.js';
import { validateNexusFile } from '#libs/nxdl/src/index.js';
import { hintFor } from '#libs/techniques/src/index.js';

/**
 * Findings that more or other data from the beamline would fix: an item
 * missing, or a value of the wrong type, units, rank or dimensions. The rest
 * (links, attributes, layout) are the writer's to get right, so they carry
 * no "send …" hint that would blame the sender.
 */
const SENDER_FIXABLE: ReadonlySet<string> = new Set([
  'missing',
  'missing-recommended',
  'type',
  'units',
  'enum',
  'rank',
  'dims',
]);

export async function validateWrittenFile(
  file: string,
  linkRoot: string,
  technique: { entryName: string; definition: string } | undefined,
): Promise<ScanValidation> {
  const report = await validateNexusFile(file, { externalLinks: { allowedRoot: linkRoot } });
  const findings = report.findings.map((finding): Finding => {
    const hint =
      technique === undefined || !SENDER_FIXABLE.has(finding.code)
        ? undefined
        : hintOf(finding.path, technique);
    if (hint === undefined) return finding;
    return { ...finding, hint, message: `${finding.message}: send ${hint}` };
  });
  return {
    definition: technique?.definition ?? null,
    errors: report.errors,
    warnings: report.warnings,
    findings,
  };
}

function hintOf(
  path: string,
  technique: { entryName: string; definition: string },
): string | undefined {
  const prefix = `/${technique.entryName}/`;
  if (!path.startsWith(prefix)) return undefined;
  return hintFor(technique.definition, path.slice(prefix.length));
}
