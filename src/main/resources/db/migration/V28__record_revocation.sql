-- Revocation or change of a decision (令 36 art. 19; 山东省社会信用条例 art. 40): the entity reports, with the
-- revoking or changing document, that a penalty was revoked or changed; the record's department withdraws or
-- amends the record within its limit counted from that document's date, or answers that the report is unfounded.

create table revocation (
  id                   bigint        not null auto_increment primary key,
  case_ref             varchar(32)   not null,
  record_id            bigint        not null,
  entity_id            bigint        not null,
  department_code      varchar(32)   not null,
  applicant            varchar(64)   not null,
  change_kind          varchar(20)   not null,
  authority            varchar(200)  not null,
  document             varchar(200)  not null,
  document_date        date          not null,
  statement            varchar(4000),
  state                varchar(30)   not null,
  process_instance_id  varchar(64),
  template_id          bigint,
  received_at          datetime(6)   not null,
  due_date             date,
  due_provisional      boolean       not null,
  extension_reason     varchar(1000),
  reasons              varchar(2000),
  decided_at           datetime(6),
  letter_code          varchar(20),
  rule_profile         varchar(64),
  version              bigint        not null,
  constraint uk_revocation_case_ref unique (case_ref),
  constraint uk_revocation_letter unique (letter_code),
  constraint fk_revocation_record foreign key (record_id) references dishonesty_record (id),
  constraint fk_revocation_entity foreign key (entity_id) references market_entity (id)
);
create index ix_revocation_record_state on revocation (record_id, state);
create index ix_revocation_applicant on revocation (applicant, received_at);

-- Each withdrawal or amendment a department registers after a revoking or changing decision, with that
-- document's date: registered more than the profile's revocation-report working days after it, it is late,
-- and the leaders' view counts it as it counts late registrations (V17). Before this, no date was kept.
create table record_revision (
  id               bigint        not null auto_increment primary key,
  record_id        bigint        not null,
  department_code  varchar(32)   not null,
  action           varchar(20)   not null,
  document         varchar(200)  not null,
  document_date    date,
  registered_on    date          not null,
  registered_late  boolean       not null,
  case_ref         varchar(32),
  actor            varchar(64)   not null,
  occurred_at      datetime(6)   not null,
  constraint fk_revision_record foreign key (record_id) references dishonesty_record (id)
);
create index ix_revision_department_late on record_revision (department_code, registered_late);
create index ix_revision_record on record_revision (record_id);
