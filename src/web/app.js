// claimtrack review page: plain browser JavaScript over the public API (no build step).
// Article text is only ever inserted with textContent, never as HTML.
(() => {
  const $ = (id) => document.getElementById(id);
  const state = { key: sessionStorage.getItem('claimtrack-key') || '', claim: null, etag: null };

  function show(message, ok = false) {
    const el = $('message');
    el.textContent = message;
    el.className = ok ? 'ok' : '';
    el.hidden = !message;
  }

  async function api(method, path, body, headers = {}) {
    const res = await fetch(path, {
      method,
      headers: {
        authorization: `Bearer ${state.key}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    if (!res.ok)
      throw new Error(
        data?.detail
          ? `${data.detail}${data.errors ? ` (${data.errors.map((e) => e.path).join(', ')})` : ''}`
          : `HTTP ${res.status}`,
      );
    return { data, etag: res.headers.get('etag') };
  }

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function claimItem(c) {
    const li = el('li');
    const button = el('button');
    button.type = 'button';
    button.className = 'claim-item';
    button.dataset.id = c.id;
    button.append(el('span', c.text.length > 140 ? `${c.text.slice(0, 140)}…` : c.text));
    const meta = el('span', `${c.speaker.name || c.speaker.mention || 'no speaker'} · ${c.speaker.type} `, 'meta');
    meta.append(el('span', c.status, 'status'));
    if (c.review?.priority) meta.append(` · ${c.review.priority}`);
    button.append(meta);
    button.addEventListener('click', () => openClaim(c.id));
    li.append(button);
    return li;
  }

  async function loadLists() {
    const [queue, recent] = await Promise.all([api('GET', '/v1/review-queue'), api('GET', '/v1/claims?limit=50')]);
    $('queue').replaceChildren(...queue.data.items.map(claimItem));
    if (!queue.data.items.length) $('queue').append(el('li', 'Nothing flagged.', 'meta'));
    $('recent').replaceChildren(...recent.data.items.slice().reverse().map(claimItem));
  }

  /** The article body with the claim's spans wrapped: content in <mark>, speaker and cue styled. */
  function renderArticle(body, spans) {
    const marks = [];
    for (const [a, b] of spans.content) marks.push([a, b, 'mark', '']);
    for (const [a, b] of spans.source) marks.push([a, b, 'span', 'source']);
    for (const [a, b] of spans.cue) marks.push([a, b, 'span', 'cue']);
    marks.sort((x, y) => x[0] - y[0]);
    const out = [];
    let at = 0;
    let first = null;
    for (const [a, b, tag, cls] of marks) {
      if (a < at) continue;
      out.push(document.createTextNode(body.slice(at, a)));
      const node = el(tag, body.slice(a, b), cls);
      first ??= node;
      out.push(node);
      at = b;
    }
    out.push(document.createTextNode(body.slice(at)));
    $('article-text').replaceChildren(...out);
    first?.scrollIntoView({ block: 'center' });
  }

  const NEXT = {
    unreviewed: ['flagged', 'dismissed'],
    flagged: ['in_review', 'dismissed'],
    in_review: ['reviewed'],
    reviewed: ['in_review'],
    dismissed: [],
    superseded: [],
  };

  async function openClaim(id) {
    try {
      const { data: c, etag } = await api('GET', `/v1/claims/${id}`);
      state.claim = c;
      state.etag = etag;
      const { data: article } = await api('GET', `/v1/articles/${c.article_id}`);
      $('claim').hidden = false;
      const head = el('h2', c.text);
      const meta = el('p', `${c.kind} · cue “${c.cue ?? '—'}” · version ${c.version} `, 'meta');
      meta.append(el('span', c.status, 'status'));
      if (c.review.verdict) meta.append(` · verdict: ${c.review.verdict}`);
      $('claim-head').replaceChildren(head, meta);
      const s = c.speaker;
      $('speaker').replaceChildren(
        el(
          'p',
          `Speaker: ${s.name ?? s.mention ?? 'none'} (${s.type}${s.anonymous ? ', anonymous' : ''})${s.title ? ` — ${s.title}` : ''}${s.affiliation ? `, ${s.affiliation}` : ''}${c.via.length ? ` · via ${c.via.join(', ')}` : ''}${c.hedges.length ? ` · hedges: ${c.hedges.join(', ')}` : ''}`,
        ),
      );
      renderArticle(article.body, c.spans);
      const prov = [
        ['Article', article.title || article.url || article.id],
        ['URL', article.url || '—'],
        ['Extractor', `${c.provenance.extractor.name} ${c.provenance.extractor.version}`],
        ['Content spans', c.spans.content.map((s) => s.join('–')).join(', ')],
        ['Check-worthiness', c.checkworthy.toFixed(2)],
      ];
      $('provenance').replaceChildren(...prov.flatMap(([k, v]) => [el('dt', k), el('dd', v)]));
      $('transition-to').replaceChildren(...(NEXT[c.status] ?? []).map((to) => el('option', to)));
      await loadHistory(id);
    } catch (err) {
      show(err.message);
    }
  }

  async function loadHistory(id) {
    const { data } = await api('GET', `/v1/claims/${id}/history`);
    $('history').replaceChildren(
      ...data.items.map((e) => {
        const what = e.type === 'transition' ? `${e.from} → ${e.to}` : e.type;
        const extra = [
          e.verdict && `verdict ${e.verdict}`,
          e.priority && `priority ${e.priority}`,
          e.note,
          ...e.evidence.map((x) => x.url),
        ].filter(Boolean);
        return el(
          'li',
          `${new Date(e.at).toLocaleString()} — ${e.actor.name ?? 'system'} (${e.actor.role ?? 'system'}): ${what}${extra.length ? ` · ${extra.join(' · ')}` : ''}`,
        );
      }),
    );
  }

  async function act(fn, done) {
    try {
      await fn();
      await Promise.all([openClaim(state.claim.id), loadLists()]);
      show(done, true);
    } catch (err) {
      show(err.message);
    }
  }

  $('key-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    state.key = $('key').value.trim();
    sessionStorage.setItem('claimtrack-key', state.key);
    try {
      const { data } = await api('GET', '/v1/me');
      $('whoami').textContent = `${data.name} (${data.role})`;
      show('');
      await loadLists();
    } catch (err) {
      show(err.message);
    }
  });

  $('refresh').addEventListener('click', () => loadLists().catch((err) => show(err.message)));

  $('flag-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act(
      () =>
        api(
          'POST',
          `/v1/claims/${state.claim.id}/flags`,
          { reason: $('flag-reason').value, priority: $('flag-priority').value },
          { 'if-match': state.etag },
        ),
      'Flagged.',
    );
  });

  $('transition-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { to: $('transition-to').value };
    if ($('transition-verdict').value && body.to === 'reviewed') body.verdict = $('transition-verdict').value;
    if ($('transition-note').value.trim()) body.note = $('transition-note').value.trim();
    if ($('transition-evidence-url').value)
      body.evidence = [
        { url: $('transition-evidence-url').value, title: $('transition-evidence-title').value || null },
      ];
    act(
      () => api('POST', `/v1/claims/${state.claim.id}/transitions`, body, { 'if-match': state.etag }),
      `Moved to ${body.to}.`,
    );
  });

  $('evidence-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = {
      url: $('evidence-url').value,
      title: $('evidence-title').value || null,
      note: $('evidence-note').value || null,
    };
    act(() => api('POST', `/v1/claims/${state.claim.id}/evidence`, body), 'Evidence added.');
  });

  if (state.key) {
    $('key').value = state.key;
    $('key-form').requestSubmit();
  }
})();
