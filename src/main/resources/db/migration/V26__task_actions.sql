-- What people did with a task besides completing it: transferred it (转办), delegated it (委派) and
-- got it back, copied it to someone (抄送). Who, when, to whom and why; never changed. The copies
-- are also the "copied to me" list (target, action).
create table task_action (
  id           bigint         not null auto_increment primary key,
  task_id      varchar(64)    not null,
  case_ref     varchar(32),
  process_key  varchar(64),
  step_key     varchar(64),
  step_name    varchar(255)   not null,
  action       varchar(20)    not null,
  actor        varchar(64)    not null,
  target       varchar(64),
  reason       varchar(1000),
  occurred_at  datetime(6)    not null
);
create index ix_task_action_task on task_action (task_id);
create index ix_task_action_case on task_action (case_ref);
create index ix_task_action_target on task_action (target, action, occurred_at);
