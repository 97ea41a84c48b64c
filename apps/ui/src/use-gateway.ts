/** The TypeScript client, bound to this gateway and the session's key. */
import { useMemo, useState } from 'react';
import { Gateway } from '../../../clients/typescript/src/index.js';
import { storeApiKey, storedApiKey } from './api-key.js';

export interface GatewaySession {
  gateway: Gateway;
  hasKey: boolean;
  setKey(key: string | undefined): void;
}

export function useGateway(): GatewaySession {
  const [key, setKeyState] = useState(storedApiKey());
  const gateway = useMemo(
    () =>
      new Gateway({
        url: window.location.origin,
        ...(key !== undefined ? { apiKey: key } : {}),
        // A person is waiting: retry a little, not for minutes.
        retry: { attempts: 3, baseMs: 300, capMs: 2000 },
      }),
    [key],
  );
  return {
    gateway,
    hasKey: key !== undefined,
    setKey: (next) => {
      storeApiKey(next);
      setKeyState(next === '' ? undefined : next);
    },
  };
}
