// A speaker's claims per month of publication: when they were quoted, at a glance.
export function Timeline({ dates }: { dates: (string | null)[] }) {
  const months = new Map<string, number>();
  for (const d of dates) {
    if (!d) continue;
    const month = d.slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + 1);
  }
  if (!months.size) return null;
  const rows = [...months.entries()].sort(([a], [b]) => a.localeCompare(b));
  const most = Math.max(...rows.map(([, n]) => n));
  return (
    <ol class="timeline" aria-label="Claims per month">
      {rows.map(([month, n]) => (
        <li key={month}>
          <span class="month">
            {new Date(`${month}-01T00:00:00Z`).toLocaleDateString(undefined, {
              month: 'short',
              year: 'numeric',
              timeZone: 'UTC',
            })}
          </span>
          <span class="bar" style={{ width: `${Math.max(4, (n / most) * 100)}%` }} aria-hidden="true" />
          <span class="count">{n === 1 ? '1 claim' : `${n} claims`}</span>
        </li>
      ))}
    </ol>
  );
}
