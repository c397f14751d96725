-- A department's intake of its own records (seed 003 §二, 令 36 arts. 8-12, issue 15): penalty types,
-- amount, legal basis, the severity the table gave when the department classified otherwise and
-- its reason, the never-repairable mark (seed 003 §十五) and the day of registration. A document
-- number is unique within its department: a batch sent again finds its records by it.
alter table dishonesty_record add column penalty_types varchar(400);
alter table dishonesty_record add column amount decimal(18,2);
alter table dishonesty_record add column legal_basis varchar(1000);
alter table dishonesty_record add column table_severity varchar(10);
alter table dishonesty_record add column classification_reason varchar(1000);
alter table dishonesty_record add column never_repairable boolean default false not null;
alter table dishonesty_record add column registered_on date;
create unique index ux_record_department_number on dishonesty_record (department_code, decision_number);
