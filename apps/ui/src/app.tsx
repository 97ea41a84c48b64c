/**
 * Two pages: the catalog (`#/`) and a scan (`#/scans/<scanId>`). A 401 from
 * any call shows the key form; the key is then kept for the session.
 */
import { useEffect, useState } from 'react';
import { GatewayProblem } from '../../../clients/typescript/src/index.js';
import { Catalog } from './catalog.js';
import { KeyForm } from './key-form.js';
import { ScanPage } from './scan-page.js';
import { useGateway } from './use-gateway.js';

function currentScan(): string | undefined {
  const match = /^#\/scans\/(.+)$/.exec(window.location.hash);
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
}

export function App(): React.JSX.Element {
  const session = useGateway();
  const [scanId, setScanId] = useState(currentScan());
  const [needsKey, setNeedsKey] = useState(false);
  useEffect(() => {
    const follow = (): void => setScanId(currentScan());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const onError = (error: unknown): string => {
    if (error instanceof GatewayProblem && error.status === 401) setNeedsKey(true);
    return error instanceof Error ? error.message : String(error);
  };
  return (
    <div className="page">
      <header>
        <a href="#/">Assonant Gateway</a>
        <span className="muted">NeXus files of every beamline</span>
        {session.hasKey && (
          <button type="button" onClick={() => session.setKey(undefined)}>
            Forget the key
          </button>
        )}
      </header>
      {needsKey ? (
        <KeyForm
          onKey={(key) => {
            session.setKey(key);
            setNeedsKey(false);
          }}
        />
      ) : scanId === undefined ? (
        <Catalog gateway={session.gateway} onError={onError} />
      ) : (
        <ScanPage gateway={session.gateway} scanId={scanId} onError={onError} />
      )}
    </div>
  );
}
