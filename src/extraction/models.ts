/**
 * The extractor's models, by name: callers (config, API, CLI, the browser's types) name a model, never a file.
 * No imports, so the browser bundle can use these names without the extractor.
 */
export const EXTRACTOR_MODELS = ['accurate', 'fast'] as const;

/** `fast`: the averaged perceptrons and rules; `accurate`: the BiLSTM tagger (src/extraction/neural). */
export type ExtractorModel = (typeof EXTRACTOR_MODELS)[number];

// `fast` stays the default until the neural model beats it on PolNeAR dev (it does not yet: see its model card).
export const DEFAULT_MODEL: ExtractorModel = 'fast';
