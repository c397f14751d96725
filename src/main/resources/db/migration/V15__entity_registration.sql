-- Market entities registered by the credit office (issue 15): an address, the operator of an
-- individual business (a natural person, masked on public pages), and when the entry last changed.
alter table market_entity add column address varchar(300);
alter table market_entity add column operator_name varchar(100);
alter table market_entity add column updated_at datetime(6);
