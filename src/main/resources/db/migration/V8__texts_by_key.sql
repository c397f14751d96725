-- Texts by key: what the application words is kept as a bundle key with its arguments and shown in
-- the reader's language; a person's text stays in the old column as typed. Older rows keep their
-- bilingual sentence in the old column (no key) and are shown as they are.

-- Why a record changed state: the key; reason keeps the text typed (or the date) that fills it.
alter table record_history add reason_key varchar(100);

-- A timeline line the application words: the key and its arguments (see TextArguments).
alter table case_event add detail_key varchar(100);
alter table case_event add detail_args varchar(2000);
