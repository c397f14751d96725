-- A file filed as a material a rule profile asks for (its code); null for proof in general.
alter table attachment add column material varchar(64);
