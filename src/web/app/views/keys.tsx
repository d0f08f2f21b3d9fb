import { useState } from 'preact/hooks';
import { getAll, post } from '../api';
import { Loading, Message, Problem } from '../components';
import { formatDate, roleLabel } from '../labels';
import { useLoad } from '../load';
import { useSession } from '../session';
import type { ApiKey } from '../types';

/** API keys for admins: list, create (the key is shown once), revoke. */
export function KeysView() {
  const { me } = useSession();
  const [message, setMessage] = useState({ text: '', ok: true });
  const [created, setCreated] = useState<ApiKey | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState('editor');
  const loaded = useLoad(() => getAll<ApiKey>('/v1/keys'), []);
  if (me?.role !== 'admin')
    return (
      <section class="panel">
        <h1>API keys</h1>
        <p>Only admin keys manage keys.</p>
      </section>
    );
  const create = async (event: Event) => {
    event.preventDefault();
    try {
      const key = await post<ApiKey>('/v1/keys', { name: name.trim(), role });
      setCreated(key);
      setName('');
      setMessage({ text: `Key “${key.name}” created. Copy it now: it is shown only once.`, ok: true });
      loaded.reload();
    } catch (err) {
      setMessage({ text: err instanceof Error ? err.message : String(err), ok: false });
    }
  };
  const revoke = async (k: ApiKey) => {
    if (!window.confirm(`Revoke “${k.name}”? Anything using it stops working.`)) return;
    try {
      await post(`/v1/keys/${k.id}/revoke`, {});
      setMessage({ text: `Key “${k.name}” revoked.`, ok: true });
      loaded.reload();
    } catch (err) {
      setMessage({ text: err instanceof Error ? err.message : String(err), ok: false });
    }
  };
  return (
    <section class="panel" aria-labelledby="keys-title">
      <h1 id="keys-title">API keys</h1>
      <Message text={message.text} ok={message.ok} />
      {created?.key && (
        <p>
          <label>
            New key <input id="new-key" readOnly value={created.key} onFocus={(e) => e.currentTarget.select()} />
          </label>
        </p>
      )}
      <form class="filters" onSubmit={create} aria-label="Create a key">
        <label>
          Name <input required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          Role
          <select value={role} onChange={(e) => setRole(e.currentTarget.value)}>
            {['editor', 'reviewer', 'importer', 'admin'].map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Create key</button>
      </form>
      {loaded.error ? <Problem error={loaded.error} what="Key management" /> : null}
      {loaded.loading && !loaded.data ? <Loading /> : null}
      {loaded.data && (
        <table id="keys">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Starts with</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {loaded.data.map((k) => (
              <tr key={k.id} class={k.revoked_at ? 'revoked' : undefined}>
                <td>{k.name}</td>
                <td>{roleLabel(k.role)}</td>
                <td>
                  <code>{k.prefix}</code>
                </td>
                <td>{formatDate(k.created_at)}</td>
                <td>{formatDate(k.last_used_at, true)}</td>
                <td>
                  {k.revoked_at ? (
                    `Revoked ${formatDate(k.revoked_at)}`
                  ) : (
                    <button type="button" class="secondary" onClick={() => revoke(k)}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
