-- Security: accounts people can run, sign-in throttling shared by every node, the audit trail.

-- must_change_password: set for a reset or generated password; the person sets their own first.
-- session_version: raised when the password changes or the account is disabled, so that every
-- open session of the account (on any node) ends at its next request.
alter table app_user add column must_change_password boolean default false not null;
alter table app_user add column password_changed_at datetime(6);
alter table app_user add column session_version integer default 0 not null;

-- Failed sign-ins per account ("user:<name>") and per address ("ip:<address>").
create table sign_in_throttle (
  throttle_key   varchar(200) not null primary key,
  failures       integer      not null,
  last_failure   datetime(6)  not null,
  locked_until   datetime(6)
);

-- Who did what, when, from where: sign-ins, failures, locks, password and account changes, admin actions.
create table audit_event (
  id        bigint        not null auto_increment primary key,
  at        datetime(6)   not null,
  actor     varchar(64),
  action    varchar(40)   not null,
  target    varchar(200),
  address   varchar(64),
  detail    varchar(1000)
);
create index ix_audit_event_at on audit_event (at);
create index ix_audit_event_actor on audit_event (actor, at);
create index ix_audit_event_action on audit_event (action, at);
