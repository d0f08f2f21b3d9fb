import { useState } from 'preact/hooks';
import { get, post, qs } from '../api';
import { speakerTypeLabel } from '../labels';
import { Link } from '../router';
import { type Done, failed } from './outcome';
import type { Page, Speaker } from '../types';

export /** Finds the other speaker by name (GET /v1/speakers?q=) and merges the picked one into this one. */
function MergeForm({ speakerId, done }: { speakerId: string; done: Done }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Speaker[] | null>(null);
  const find = async (event: Event) => {
    event.preventDefault();
    try {
      const page = await get<Page<Speaker>>(`/v1/speakers${qs({ q: q.trim(), limit: 10 })}`);
      setFound(page.items.filter((s) => s.id !== speakerId));
    } catch (err) {
      failed(done, err);
    }
  };
  const merge = async (other: Speaker) => {
    try {
      await post(`/v1/speakers/${speakerId}/merge`, { other_id: other.id });
      setFound(null);
      done(`${other.name} merged into this speaker.`, true);
    } catch (err) {
      failed(done, err);
    }
  };
  return (
    <section class="panel" aria-labelledby="merge-title">
      <h2 id="merge-title">Merge another speaker into this one</h2>
      <form class="move" onSubmit={find}>
        <label>
          The other speaker's name
          <input required value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        </label>
        <button type="submit" class="secondary">
          Find
        </button>
      </form>
      {found && !found.length && <p class="muted">No other speaker has that name.</p>}
      <ul id="merge-candidates" class="plain">
        {found?.map((s) => (
          <li key={s.id} class="candidate">
            <Link href={`/speakers/${s.id}`}>{s.name}</Link>{' '}
            <span class="muted">
              ({speakerTypeLabel(s.type)}, {s.claim_count} claims)
            </span>{' '}
            <button type="button" onClick={() => merge(s)}>
              Merge into this one
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
