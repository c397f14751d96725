-- Each finished step's outcome (the bundle key of the choice made in its form) and the opinion
-- (审批意见) written with it: the done list and the case's steps show them.
alter table work_item add column outcome_key varchar(150);
alter table work_item add column opinion varchar(1000);
