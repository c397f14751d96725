-- Working-day calendar: per year, the days that differ from Monday-to-Friday (holidays and
-- make-up working days) as the State Council announces them.
create table calendar_year (
  year_number  int          not null primary key,
  source       varchar(300) not null,
  loaded_at    datetime(6)  not null,
  loaded_by    varchar(64)  not null
);

create table calendar_day (
  day_date     date         not null primary key,
  year_number  int          not null,
  kind         varchar(10)  not null,
  name         varchar(60)  not null,
  constraint fk_calendar_day_year foreign key (year_number) references calendar_year (year_number)
);
create index ix_calendar_day_year on calendar_day (year_number);

-- Transactional outbox: a mail is written with the state change it reports and sent afterwards.
create table notification (
  id               bigint        not null auto_increment primary key,
  dedup_key        varchar(200)  not null,
  kind             varchar(40)   not null,
  recipient_user   varchar(64),
  recipient_email  varchar(200)  not null,
  subject          varchar(300)  not null,
  body             mediumtext    not null,
  case_ref         varchar(64),
  status           varchar(10)   not null,
  attempts         int           not null,
  next_attempt_at  datetime(6)   not null,
  last_error       varchar(1000),
  created_at       datetime(6)   not null,
  sent_at          datetime(6),
  version          bigint        not null,
  constraint uk_notification_dedup unique (dedup_key)
);
create index ix_notification_due on notification (status, next_attempt_at);

-- What the deadline machinery and the leaders did: overdue marks, escalations, urges.
create table escalation (
  id                   bigint       not null auto_increment primary key,
  task_id              varchar(64)  not null,
  process_instance_id  varchar(64)  not null,
  case_ref             varchar(64),
  department_code      varchar(32),
  task_name            varchar(200) not null,
  due_at               datetime(6)  not null,
  level                varchar(20)  not null,
  actor                varchar(64)  not null,
  message              varchar(1000),
  created_at           datetime(6)  not null
);
create index ix_escalation_task on escalation (task_id);
create index ix_escalation_department on escalation (department_code, created_at);

-- A leader's follow-up list (督办).
create table supervision (
  id          bigint        not null auto_increment primary key,
  leader      varchar(64)   not null,
  case_ref    varchar(64)   not null,
  note        varchar(1000),
  created_at  datetime(6)   not null,
  constraint uk_supervision unique (leader, case_ref)
);
