-- Work done once a day across all nodes: the node whose update moves last_run_date to today does it,
-- in the same transaction (see record/PublicationEnd).
create table daily_run (
  name          varchar(64) not null primary key,
  last_run_date date        not null
);
insert into daily_run (name, last_run_date) values ('publication-end', date '2000-01-01');
