-- A department's batch of records worked in the background (issue 15): the file between the check
-- and the commit (not the HTTP session: any node may take the next request), the progress every
-- node can show while one node works, and the report. Only the importing department sees a job.
create table record_import_job (
  id              varchar(36)   not null primary key,
  department_code varchar(32)   not null,
  username        varchar(64)   not null,
  file_name       varchar(255)  not null,
  mode            varchar(20)   not null,
  language        varchar(35)   not null,
  state           varchar(20)   not null,
  content         longblob,
  rows_read       int           default 0 not null,
  rows_written    int           default 0 not null,
  total_rows      int,
  report          longtext,
  message         varchar(1000),
  created_at      timestamp     not null,
  updated_at      timestamp     not null,
  constraint fk_record_import_job_department foreign key (department_code) references department (code)
);
create index ix_record_import_job_department on record_import_job (department_code, created_at);
