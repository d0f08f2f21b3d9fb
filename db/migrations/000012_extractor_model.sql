-- Which extractor model an article asks for (null: the deployment's EXTRACTOR_MODEL, resolved by the worker), the
-- model an import asks for on behalf of its articles, and the model that made each claim.
alter table article add column extractor_model text constraint article_extractor_model_check
  check (extractor_model in ('fast', 'accurate'));
alter table import add column extractor_model text constraint import_extractor_model_check
  check (extractor_model in ('fast', 'accurate'));
alter table claim add column extractor_model text;
