/**
 * The extractor's models, by name: callers (config, API, CLI, the browser's types) name a model, never a file.
 * No imports, so the browser bundle can use these names without the extractor.
 */
export const EXTRACTOR_MODELS = ['accurate', 'fast'] as const;

/** `fast`: the averaged perceptrons and rules; `accurate`: the BiLSTM tagger (src/extraction/neural). */
export type ExtractorModel = (typeof EXTRACTOR_MODELS)[number];

// `accurate` is the default since it beats `fast` on PolNeAR dev (attribution F1 59.7 vs 58.6, precision 73.2 vs
// 68.0), passes every wire-copy test, and runs above 300 KB/s on one core (see its model card).
export const DEFAULT_MODEL: ExtractorModel = 'accurate';
