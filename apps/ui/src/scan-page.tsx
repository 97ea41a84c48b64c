/**
 * One scan: its status and counts, warnings, the validation report (errors
 * first, each with its hint), the completeness report, a download link, and
 * the file itself in H5Web once it is written.
 */
import { useEffect, useState } from 'react';
import type { Gateway, ScanStatus } from '../../../clients/typescript/src/index.js';
import { FileViewer } from './file-viewer.js';

type Finding = NonNullable<ScanStatus['validation']>['findings'][number];

const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1 };

function byImportance(a: Finding, b: Finding): number {
  return (
    (SEVERITY_ORDER[a.severity] ?? 2) - (SEVERITY_ORDER[b.severity] ?? 2) ||
    a.path.localeCompare(b.path)
  );
}

export function ScanPage(props: {
  gateway: Gateway;
  scanId: string;
  onError: (error: unknown) => string;
}): React.JSX.Element {
  const { gateway, scanId, onError } = props;
  const [scan, setScan] = useState<ScanStatus | undefined>();
  const [file, setFile] = useState<ArrayBuffer | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let gone = false;
    setScan(undefined);
    setFile(undefined);
    void (async () => {
      try {
        const status = await gateway.status(scanId);
        if (gone) return;
        setScan(status);
        if (status.status !== 'written') return;
        const bytes = await gateway.download(scanId);
        if (!gone) setFile(bytes.slice().buffer);
      } catch (caught) {
        if (!gone) setError(onError(caught));
      }
    })();
    return () => {
      gone = true;
    };
  }, [gateway, scanId, onError]);

  if (error !== undefined) return <p className="error">{error}</p>;
  if (scan === undefined) return <p>Loading {scanId}…</p>;
  const findings = [...(scan.validation?.findings ?? [])].sort(byImportance);
  const fileName = scan.file?.path.split('/').pop() ?? `${scan.scanId}.nxs`;
  return (
    <main className="scan">
      <h1>
        {scan.scanId} <span className={`status ${scan.status}`}>{scan.status}</span>
      </h1>
      <dl className="facts">
        <dt>Beamline</dt>
        <dd>{scan.beamline}</dd>
        <dt>Proposal</dt>
        <dd>{scan.proposal}</dd>
        <dt>Technique</dt>
        <dd>{scan.technique}</dd>
        {scan.title !== undefined && (
          <>
            <dt>Title</dt>
            <dd>{scan.title}</dd>
          </>
        )}
        <dt>Events</dt>
        <dd>
          {scan.counts.entries} entries, {scan.counts.devices} devices
        </dd>
        {scan.file !== undefined && (
          <>
            <dt>File</dt>
            <dd>
              {scan.file.path} ({scan.file.size} bytes, sha256 {scan.file.sha256.slice(0, 12)}…){' '}
              {file !== undefined && (
                <a
                  download={fileName}
                  href={URL.createObjectURL(new Blob([file], { type: 'application/x-hdf5' }))}
                >
                  Download
                </a>
              )}
            </dd>
          </>
        )}
        {scan.error !== undefined && (
          <>
            <dt>Error</dt>
            <dd className="error">{scan.error}</dd>
          </>
        )}
      </dl>
      {scan.warnings.length > 0 && (
        <section>
          <h2>Warnings</h2>
          <ul>
            {scan.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </section>
      )}
      {scan.validation !== undefined && (
        <section className="validation">
          <h2>
            Validation against {scan.validation.definition ?? 'NeXus'}: {scan.validation.errors}{' '}
            errors, {scan.validation.warnings} warnings
          </h2>
          <ul>
            {findings.map((finding) => (
              <li
                key={`${finding.severity} ${finding.path} ${finding.code}`}
                className={finding.severity}
              >
                <strong>{finding.severity}</strong> <code>{finding.path}</code> {finding.message}
                {finding.hint !== undefined && <div className="hint">{finding.hint}</div>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {scan.completeness !== undefined && (
        <section className="completeness">
          <h2>Completeness (schema version {scan.completeness.schemaVersion})</h2>
          <table>
            <tbody>
              {scan.completeness.moments.map((moment) => (
                <tr key={moment.entry}>
                  <td>{moment.entry}</td>
                  <td>
                    {moment.arrived} of {moment.expected}
                  </td>
                  <td className="muted">
                    {moment.items
                      .filter((item) => !item.arrived)
                      .map((item) => item.path)
                      .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {file !== undefined && <FileViewer buffer={file} filename={fileName} />}
    </main>
  );
}
