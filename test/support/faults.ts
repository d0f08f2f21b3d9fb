import type { Db } from '../../src/db/pool';

/**
 * A real fault in the real database: marking an article whose body holds `marker` extracted fails, like a
 * bad deploy would. Returns the function that removes the fault again.
 */
export async function refuseToStore(db: Db, marker: string): Promise<() => Promise<void>> {
  const name = `refuse_${marker.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
  await db.query(`
    create function ${name}() returns trigger language plpgsql as $$
    begin
      if new.body like '%${marker}%' then raise exception 'poisoned article refused'; end if;
      return new;
    end $$;
    create trigger ${name} before update on article
      for each row when (new.status = 'extracted') execute function ${name}();`);
  return async () => {
    await db.query(`drop trigger ${name} on article`);
  };
}
