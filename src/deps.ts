import type { Config } from './config';
import type { Db } from './db/pool';
import type { ExtractionPool } from './extraction-pool/pool';
import type { Logger } from './logger';
import type { JobProducer } from './queue/producer';

/** What use cases need from the outside world; built once at boot (or per test file). */
export interface Deps {
  config: Config;
  db: Db;
  producer: JobProducer;
  /** Worker threads running the extractor (started on first use). */
  extractor: ExtractionPool;
  log: Logger;
}
