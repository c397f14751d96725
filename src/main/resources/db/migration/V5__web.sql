-- The web application: the task inbox's own indexed list of work, proof files, comments between departments.

-- One row per user task of a case, written by the engine's task listeners in the same transaction
-- as the task itself. The inbox pages and the leaders' view read only this table, on its indexes.
create table work_item (
  task_id          varchar(64)   not null primary key,
  case_ref         varchar(32),
  process_key      varchar(64)   not null,
  step_key         varchar(64)   not null,
  step_name        varchar(255)  not null,
  department_code  varchar(32),
  candidate_group  varchar(64),
  assignee         varchar(64),
  entity_name      varchar(200),
  uscc             varchar(18),
  form_key         varchar(100),
  created_at       datetime(6)   not null,
  due_at           datetime(6),
  state            varchar(10)   not null,
  ended_at         datetime(6),
  completed_by     varchar(64)
);
create index ix_work_item_queue on work_item (state, candidate_group, assignee, due_at, created_at);
create index ix_work_item_department on work_item (department_code, state, due_at);
create index ix_work_item_assignee on work_item (state, assignee, due_at, created_at);
create index ix_work_item_done on work_item (completed_by, ended_at);
create index ix_work_item_due on work_item (state, due_at);
create index ix_work_item_case on work_item (case_ref);
create index ix_work_item_uscc on work_item (uscc);

-- Proof files of a case, kept in the database so that every node serves them.
create table attachment (
  id            bigint        not null auto_increment primary key,
  case_ref      varchar(32)   not null,
  file_name     varchar(200)  not null,
  content_type  varchar(100)  not null,
  size_bytes    bigint        not null,
  sha256        varchar(64)   not null,
  content       longblob      not null,
  uploaded_by   varchar(64)   not null,
  uploaded_at   datetime(6)   not null
);
create index ix_attachment_case on attachment (case_ref, id);

-- Notes between the departments working a case; applicants do not see them.
create table case_comment (
  id           bigint         not null auto_increment primary key,
  case_ref     varchar(32)    not null,
  author       varchar(64)    not null,
  department_code varchar(32),
  body         varchar(2000)  not null,
  written_at   datetime(6)    not null
);
create index ix_case_comment_case on case_comment (case_ref, id);
