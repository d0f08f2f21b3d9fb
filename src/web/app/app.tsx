import { useEffect, useState } from 'preact/hooks';
import { ApiError, apiKey, get } from './api';
import { onShortcut } from './keyboard';
import { Link, navigate, useLocation } from './router';
import { KeyForm } from './key-form';
import { SessionContext } from './session';
import type { Me } from './types';
import { ArticleView } from './views/article';
import { ArticlesView } from './views/articles';
import { ClaimView } from './views/claim';
import { KeysView } from './views/keys';
import { QueueView } from './views/queue';
import { SearchView } from './views/search';
import { SpeakerView } from './views/speaker';
import { route } from './views/routes';

export function App() {
  const location = useLocation();
  const [me, setMe] = useState<Me | null>(null);
  const [epoch, setEpoch] = useState(0);
  const [keyError, setKeyError] = useState('');

  const signIn = async (key: string) => {
    apiKey.set(key);
    try {
      setMe(await get<Me>('/v1/me'));
      setKeyError('');
    } catch (err) {
      setMe(null);
      setKeyError(err instanceof ApiError ? err.message : String(err));
    }
    setEpoch((e) => e + 1);
  };

  useEffect(() => {
    if (apiKey.get()) void signIn(apiKey.get());
    document.addEventListener('keydown', onShortcut);
    return () => document.removeEventListener('keydown', onShortcut);
  }, []);

  const view = route(location.path);
  useEffect(() => {
    document.title = `${view.title} — claimtrack`;
  }, [view.title]);

  return (
    <SessionContext.Provider value={{ me, epoch }}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <Link class="brand" href="/">
          claimtrack
        </Link>
        <nav aria-label="Sections">
          <Link href="/" aria-current={view.name === 'queue' ? 'page' : undefined}>
            Review queue
          </Link>
          <Link href="/articles" aria-current={view.name.startsWith('article') ? 'page' : undefined}>
            Articles
          </Link>
          {me?.role === 'admin' && (
            <Link href="/keys" aria-current={view.name === 'keys' ? 'page' : undefined}>
              Keys
            </Link>
          )}
          <a href="/docs/">API docs</a>
        </nav>
        <search class="search-box">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const q = (e.currentTarget.elements.namedItem('q') as HTMLInputElement).value.trim();
              if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
            }}
          >
            <label for="global-search" class="visually-hidden">
              Search claims, articles and fact-checks
            </label>
            <input
              id="global-search"
              name="q"
              type="search"
              placeholder="Search ( / )"
              defaultValue={location.query.get('q') ?? ''}
            />
          </form>
        </search>
        <KeyForm me={me} error={keyError} onKey={signIn} />
      </header>
      <main id="main" tabIndex={-1}>
        {!me ? (
          <section class="panel">
            <h1>Sign in</h1>
            <p>Paste an API key (editor, reviewer or admin) in the box above to work on claims.</p>
            {keyError && (
              <p class="message error" role="alert">
                {keyError}
              </p>
            )}
          </section>
        ) : (
          <View name={view.name} params={view.params} />
        )}
      </main>
      <footer>
        Keys: <kbd>j</kbd>/<kbd>k</kbd> move through a list, <kbd>/</kbd> search, <kbd>f</kbd> flag, <kbd>r</kbd> take
        into review, <kbd>v</kbd> verdict, <kbd>e</kbd> evidence.
      </footer>
    </SessionContext.Provider>
  );
}

function View({ name, params }: { name: string; params: Record<string, string> }) {
  const id = params.id ?? '';
  switch (name) {
    case 'articles':
      return <ArticlesView />;
    case 'article':
      return <ArticleView key={id} id={id} />;
    // Keyed by claim: opening another claim mounts a fresh page, so no form value or message carries over.
    case 'claim':
      return <ClaimView key={id} id={id} />;
    case 'search':
      return <SearchView />;
    case 'speaker':
      return <SpeakerView key={id} id={id} />;
    case 'keys':
      return <KeysView />;
    case 'queue':
      return <QueueView />;
    default:
      return (
        <section class="panel">
          <h1>Not found</h1>
          <p>
            Nothing lives at this address. <Link href="/">Back to the review queue</Link>.
          </p>
        </section>
      );
  }
}
