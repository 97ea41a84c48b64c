/** Asks for the API key once per browser session (the gateway answered 401). */
import { useState } from 'react';

export function KeyForm({ onKey }: { onKey: (key: string) => void }): React.JSX.Element {
  const [key, setKey] = useState('');
  return (
    <form
      className="key-form"
      onSubmit={(event) => {
        event.preventDefault();
        onKey(key.trim());
      }}
    >
      <h1>An API key, please</h1>
      <p>This gateway has keys on. The key is kept for this tab only, and sent as a header.</p>
      <input
        type="password"
        aria-label="API key"
        autoComplete="off"
        value={key}
        onChange={(event) => setKey(event.target.value)}
      />
      <button type="submit" disabled={key.trim() === ''}>
        Use this key
      </button>
    </form>
  );
}
