// Keyboard first: j/k walk the current list, / jumps to search, f/v/e open the flag, verdict and evidence forms.
const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const SHORTCUTS: Record<string, string> = { f: 'flag', v: 'verdict', e: 'evidence', r: 'review' };

function walk(step: 1 | -1): void {
  const items = [...document.querySelectorAll<HTMLElement>('[data-nav]')];
  if (!items.length) return;
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next = at < 0 ? (step > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, at + step));
  items[next]!.focus();
  items[next]!.scrollIntoView({ block: 'nearest' });
}

export function onShortcut(event: KeyboardEvent): void {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement;
  if (TYPING.has(target.tagName) || target.isContentEditable) return;
  if (event.key === 'j' || event.key === 'k') {
    event.preventDefault();
    walk(event.key === 'j' ? 1 : -1);
  } else if (event.key === '/') {
    event.preventDefault();
    document.querySelector<HTMLInputElement>('#global-search')?.focus();
  } else if (SHORTCUTS[event.key]) {
    const field = document.querySelector<HTMLElement>(`[data-shortcut="${SHORTCUTS[event.key]}"]`);
    if (field) {
      event.preventDefault();
      field.focus();
      field.scrollIntoView({ block: 'center' });
    }
  }
}
