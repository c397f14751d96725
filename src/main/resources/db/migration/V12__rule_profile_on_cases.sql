-- Each case keeps the rule profile in force on the day it was received (issue: legal clocks, item 9),
-- so a change of law is a new profile and never moves a running case's clock. Cases from before keep
-- null: they are read as under the profile in force on their day of receipt.
alter table repair_request add column rule_profile varchar(64);
alter table dispute add column rule_profile varchar(64);
