-- A shielding case keeps the rule profile in force on its day of receipt, as every kind of case does (V12).
alter table shielding add column rule_profile varchar(64);
