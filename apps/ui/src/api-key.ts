/**
 * The API key, when the gateway has keys on: asked for once per browser
 * session and kept in sessionStorage (gone with the tab), sent only in the
 * Authorization header by the client, never in a URL.
 */
const STORAGE_KEY = 'assonant-gateway-api-key';

export function storedApiKey(): string | undefined {
  return sessionStorage.getItem(STORAGE_KEY) ?? undefined;
}

export function storeApiKey(key: string | undefined): void {
  if (key === undefined || key === '') sessionStorage.removeItem(STORAGE_KEY);
  else sessionStorage.setItem(STORAGE_KEY, key);
}
