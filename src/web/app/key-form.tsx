import { useEffect, useState } from 'preact/hooks';
import { apiKey } from './api';
import type { Me } from './types';

export /** The key box: open until a key is accepted, then folded to "name (role) · Change key". */
function KeyForm({ me, error, onKey }: { me: Me | null; error: string; onKey: (key: string) => void }) {
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [me]);
  const who = (
    <span id="whoami" aria-live="polite">
      {me ? `${me.name} (${me.role})` : error ? 'Key not accepted' : ''}
    </span>
  );
  if (me && !open)
    return (
      <div class="key-form">
        {who}
        <button type="button" class="secondary" onClick={() => setOpen(true)}>
          Change key
        </button>
      </div>
    );
  return (
    <form
      class="key-form"
      autocomplete="off"
      onSubmit={(e) => {
        e.preventDefault();
        const input = e.currentTarget.elements.namedItem('key') as HTMLInputElement;
        onKey(input.value.trim());
      }}
    >
      <label for="key">API key</label>
      <input id="key" name="key" type="password" placeholder="ct_…" required defaultValue={apiKey.get()} />
      <button id="use-key" type="submit">
        Use key
      </button>
      {who}
    </form>
  );
}
