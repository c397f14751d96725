-- The application's own tables (Camunda manages its ACT_* tables itself).
-- Written once for H2 and MySQL/MariaDB: plain types, explicit lengths, utf8mb4 on MySQL.

create table app_marker (
  name        varchar(64) not null primary key,
  created_at  datetime(6) not null
);

create table department (
  code        varchar(32)  not null primary key,
  name_zh     varchar(100) not null,
  name_en     varchar(100) not null,
  kind        varchar(20)  not null,
  sort_order  int          not null
);

create table market_entity (
  id                    bigint       not null auto_increment primary key,
  uscc                  varchar(18)  not null,
  name                  varchar(200) not null,
  kind                  varchar(30)  not null,
  legal_representative  varchar(100),
  created_at            datetime(6)  not null,
  constraint uk_market_entity_uscc unique (uscc)
);
create index ix_market_entity_name on market_entity (name);

create table app_user (
  username         varchar(64)  not null primary key,
  password_hash    varchar(100) not null,
  display_name     varchar(100) not null,
  email            varchar(200),
  department_code  varchar(32),
  entity_id        bigint,
  enabled          boolean      not null,
  constraint fk_app_user_department foreign key (department_code) references department (code),
  constraint fk_app_user_entity foreign key (entity_id) references market_entity (id)
);

create table app_user_role (
  username  varchar(64) not null,
  role      varchar(20) not null,
  primary key (username, role),
  constraint fk_app_user_role_user foreign key (username) references app_user (username)
);

create table dishonesty_record (
  id                    bigint        not null auto_increment primary key,
  entity_id             bigint        not null,
  department_code       varchar(32)   not null,
  record_type           varchar(40)   not null,
  severity              varchar(10)   not null,
  decision_number       varchar(100)  not null,
  title                 varchar(200)  not null,
  content               varchar(2000),
  decision_date         date          not null,
  term_end_date         date,
  earliest_repair_date  date          not null,
  automatic_end_date    date          not null,
  state                 varchar(20)   not null,
  state_changed_at      datetime(6)   not null,
  version               bigint        not null,
  constraint fk_record_entity foreign key (entity_id) references market_entity (id),
  constraint fk_record_department foreign key (department_code) references department (code)
);
create index ix_record_entity_state on dishonesty_record (entity_id, state);
create index ix_record_state_end on dishonesty_record (state, automatic_end_date);
create index ix_record_department_state on dishonesty_record (department_code, state);

create table record_member_department (
  record_id        bigint      not null,
  department_code  varchar(32) not null,
  primary key (record_id, department_code),
  constraint fk_member_record foreign key (record_id) references dishonesty_record (id),
  constraint fk_member_department foreign key (department_code) references department (code)
);

create table record_history (
  id           bigint        not null auto_increment primary key,
  record_id    bigint        not null,
  occurred_at  datetime(6)   not null,
  actor        varchar(64)   not null,
  action       varchar(30)   not null,
  from_state   varchar(20),
  to_state     varchar(20),
  changes      varchar(4000),
  reason       varchar(1000),
  case_ref     varchar(64),
  constraint fk_history_record foreign key (record_id) references dishonesty_record (id)
);
create index ix_history_record on record_history (record_id, id);
