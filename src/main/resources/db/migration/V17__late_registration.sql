-- A record registered more than the profile's working days after its decision (seed 003 §二: 7) is
-- flagged late when it is registered; the leaders' view counts them by department. Records from
-- before intake have no registration day and are not judged.
alter table dishonesty_record add column registered_late boolean default false not null;
create index ix_record_department_late on dishonesty_record (department_code, registered_late);
