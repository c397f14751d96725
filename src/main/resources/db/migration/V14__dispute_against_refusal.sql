-- A dispute against a refusal to accept or to repair (令 36 art. 18) names the refused repair case.
alter table dispute add column contested_case_ref varchar(32);
