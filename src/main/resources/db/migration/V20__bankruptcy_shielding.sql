-- Bankruptcy shielding (破产重整、和解信息临时屏蔽, 令 36 art. 20): an entity under court reorganisation
-- or settlement asks that a record be shielded from the public pages; the deciding department decides;
-- the record returns if the court ends the plan unsuccessfully. No commitment is signed (template_id null).

create table shielding (
  id                   bigint        not null auto_increment primary key,
  case_ref             varchar(32)   not null,
  record_id            bigint        not null,
  entity_id            bigint        not null,
  department_code      varchar(32)   not null,
  applicant            varchar(64)   not null,
  procedure_kind       varchar(20)   not null,
  court                varchar(200)  not null,
  court_case_number    varchar(100)  not null,
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
  court_end            varchar(20),
  court_ruling         varchar(200),
  court_ended_at       datetime(6),
  letter_code          varchar(20),
  version              bigint        not null,
  constraint uk_shielding_case_ref unique (case_ref),
  constraint uk_shielding_letter unique (letter_code),
  constraint fk_shielding_record foreign key (record_id) references dishonesty_record (id),
  constraint fk_shielding_entity foreign key (entity_id) references market_entity (id)
);
create index ix_shielding_record_state on shielding (record_id, state);
create index ix_shielding_applicant on shielding (applicant, received_at);
