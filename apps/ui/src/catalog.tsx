/** The catalog: filters (beamline, proposal, technique, status, time) and the scans, page by page. */
import { useCallback, useEffect, useState } from 'react';
import type { CatalogFilters, Gateway, ScanStatus } from '../../../clients/typescript/src/index.js';

const TECHNIQUES = ['CT', 'MX', 'SAXS', 'WAXS', 'XAS', 'XRD', 'XRF', 'XPCS', 'PDF', 'RIXS', 'STXM'];
const STATUSES = ['open', 'closing', 'written', 'failed', 'expired'] as const;

interface Form {
  beamline: string;
  proposal: string;
  technique: string;
  status: string;
  from: string;
  to: string;
}

const EMPTY: Form = { beamline: '', proposal: '', technique: '', status: '', from: '', to: '' };

function filtersOf(form: Form): CatalogFilters {
  const filters: Record<string, string | number> = { limit: 50 };
  for (const name of Object.keys(form) as (keyof Form)[]) {
    const value = form[name];
    if (value === '') continue;
    // datetime-local is the browser's local time: the API takes ISO 8601 with its zone.
    filters[name] = name === 'from' || name === 'to' ? new Date(value).toISOString() : value;
  }
  return filters;
}

export function Catalog(props: {
  gateway: Gateway;
  onError: (error: unknown) => string;
}): React.JSX.Element {
  const { gateway, onError } = props;
  const [form, setForm] = useState(EMPTY);
  const [applied, setApplied] = useState(EMPTY);
  const [scans, setScans] = useState<ScanStatus[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [loading, setLoading] = useState(false);

  const load = useCallback(
    async (filters: Form, after?: string) => {
      setLoading(true);
      try {
        const page = await gateway.catalogPage(filtersOf(filters), after);
        setScans((shown) => (after === undefined ? page.items : [...shown, ...page.items]));
        setCursor(page.nextCursor);
        setError(undefined);
      } catch (caught) {
        setError(onError(caught));
      } finally {
        setLoading(false);
      }
    },
    [gateway, onError],
  );
  useEffect(() => void load(applied), [applied, load]);

  const choice = (
    name: keyof Form,
    label: string,
    options: readonly string[],
  ): React.JSX.Element => (
    <label>
      {label}
      <select
        name={name}
        value={form[name]}
        onChange={(event) => setForm({ ...form, [name]: event.target.value })}
      >
        <option value="">any</option>
        {options.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
    </label>
  );
  const field = (name: keyof Form, label: string, type = 'text'): React.JSX.Element => (
    <label>
      {label}
      <input
        name={name}
        type={type}
        value={form[name]}
        onChange={(event) => setForm({ ...form, [name]: event.target.value })}
      />
    </label>
  );
  return (
    <main>
      <h1>Scans</h1>
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          setApplied(form);
        }}
      >
        {field('beamline', 'Beamline')}
        {field('proposal', 'Proposal')}
        {choice('technique', 'Technique', TECHNIQUES)}
        {choice('status', 'Status', STATUSES)}
        {field('from', 'Opened from', 'datetime-local')}
        {field('to', 'until', 'datetime-local')}
        <button type="submit">Filter</button>
      </form>
      {error !== undefined && <p className="error">{error}</p>}
      <table className="scans">
        <thead>
          <tr>
            <th>Scan</th>
            <th>Beamline</th>
            <th>Proposal</th>
            <th>Technique</th>
            <th>Status</th>
            <th>Opened</th>
            <th>Entries</th>
            <th>Devices</th>
          </tr>
        </thead>
        <tbody>
          {scans.map((scan) => (
            <tr key={scan.scanId} data-status={scan.status}>
              <td>
                <a href={`#/scans/${encodeURIComponent(scan.scanId)}`}>{scan.scanId}</a>
              </td>
              <td>{scan.beamline}</td>
              <td>{scan.proposal}</td>
              <td>{scan.technique}</td>
              <td className={`status ${scan.status}`}>{scan.status}</td>
              <td>{new Date(scan.createdAt).toLocaleString()}</td>
              <td>{scan.counts.entries}</td>
              <td>{scan.counts.devices}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {scans.length === 0 && !loading && error === undefined && <p>No scan matches.</p>}
      {cursor !== undefined && (
        <button type="button" disabled={loading} onClick={() => void load(applied, cursor)}>
          More
        </button>
      )}
    </main>
  );
}
