-- A minor record is in principle not published (令 36 art. 12): only when its department marks it
-- necessary, with the reason. Records stored before keep their state: whether to publish them was
-- decided when they were published, and this migration cannot know the reason.
alter table dishonesty_record add column publication_necessary boolean default false not null;
alter table dishonesty_record add column publication_reason varchar(1000);
