-- Credit repair: commitment templates (versioned), repair requests, signed commitments, case timeline.

create table commitment_template (
  id               bigint        not null auto_increment primary key,
  severity         varchar(10)   not null,
  department_code  varchar(32),
  version_number   int           not null,
  title            varchar(200)  not null,
  body             mediumtext    not null,
  published_at     datetime(6)   not null,
  published_by     varchar(64)   not null,
  constraint uk_commitment_template unique (severity, department_code, version_number),
  constraint fk_template_department foreign key (department_code) references department (code)
);

create table repair_request (
  id                   bigint        not null auto_increment primary key,
  case_ref             varchar(32)   not null,
  record_id            bigint        not null,
  entity_id            bigint        not null,
  department_code      varchar(32)   not null,
  applicant            varchar(64)   not null,
  state                varchar(30)   not null,
  proof                varchar(4000) not null,
  process_instance_id  varchar(64),
  template_id          bigint        not null,
  received_at          datetime(6)   not null,
  due_date             date          not null,
  due_provisional      boolean       not null,
  supplement_notice    varchar(2000),
  supplement_answer    varchar(4000),
  extension_reason     varchar(1000),
  decided_at           datetime(6),
  decision_reasons     varchar(2000),
  letter_code          varchar(20),
  version              bigint        not null,
  constraint uk_repair_case_ref unique (case_ref),
  constraint uk_repair_letter unique (letter_code),
  constraint fk_repair_record foreign key (record_id) references dishonesty_record (id),
  constraint fk_repair_entity foreign key (entity_id) references market_entity (id),
  constraint fk_repair_template foreign key (template_id) references commitment_template (id)
);
create index ix_repair_record_state on repair_request (record_id, state);
create index ix_repair_applicant on repair_request (applicant, received_at);

create table commitment (
  id                bigint        not null auto_increment primary key,
  case_ref          varchar(32)   not null,
  entity_id         bigint        not null,
  template_id       bigint        not null,
  template_version  int           not null,
  text_shown        mediumtext    not null,
  text_sha256       varchar(64)   not null,
  signatory_name    varchar(100)  not null,
  signed_by         varchar(64)   not null,
  signed_at         datetime(6)   not null,
  constraint uk_commitment_case unique (case_ref),
  constraint fk_commitment_entity foreign key (entity_id) references market_entity (id),
  constraint fk_commitment_template foreign key (template_id) references commitment_template (id)
);
create index ix_commitment_entity on commitment (entity_id, signed_at);

-- What the application itself did in a case, beside the engine's own history.
create table case_event (
  id          bigint        not null auto_increment primary key,
  case_ref    varchar(32)   not null,
  occurred_at datetime(6)   not null,
  actor       varchar(64)   not null,
  event_type  varchar(40)   not null,
  detail      varchar(2000)
);
create index ix_case_event_case on case_event (case_ref, id);

-- After a broken commitment the original record may not be repaired for 3 years (令 36 art. 25).
alter table dishonesty_record add repair_barred_until date;

-- The commitment texts in force at first installation, one per severity for every department
-- (seed 000 §三(一)4, seed 003 (四), 令 36 art. 14). Administrators publish new versions; a request
-- keeps the version it was filed with. Placeholders: {entityName} {uscc} {decisionNumber} {recordTitle}.
insert into commitment_template (severity, department_code, version_number, title, body, published_at, published_by)
values ('MINOR', null, 1, '信用修复承诺书',
'本单位{entityName}（统一社会信用代码：{uscc}）就{decisionNumber}“{recordTitle}”失信信息申请信用修复，郑重承诺：
一、所提交的申请材料真实、准确、完整，不存在虚假记载、误导性陈述或重大遗漏；
二、已纠正失信行为、履行法定义务，今后严格遵守法律法规，依法诚信经营；
三、自愿接受社会监督，同意本承诺书向社会公示并记入本单位信用记录；
四、如违背上述承诺或提供虚假材料，自愿接受撤销信用修复决定、重新公示失信信息、三年内不得申请修复等惩戒措施，并承担相应法律责任。', '2026-04-01 00:00:00', 'system');
insert into commitment_template (severity, department_code, version_number, title, body, published_at, published_by)
values ('GENERAL', null, 1, '信用修复承诺书',
'本单位{entityName}（统一社会信用代码：{uscc}）就{decisionNumber}“{recordTitle}”失信信息申请信用修复，郑重承诺：
一、所提交的申请材料真实、准确、完整，不存在虚假记载、误导性陈述或重大遗漏；
二、已纠正失信行为、履行行政处罚等法定义务，消除不良影响；
三、今后严格遵守法律法规和行业规范，依法诚信经营；
四、自愿接受社会监督，同意本承诺书向社会公示并记入本单位信用记录；
五、如违背上述承诺或提供虚假材料，自愿接受撤销信用修复决定、重新公示失信信息、三年内不得申请修复等惩戒措施，并承担相应法律责任。', '2026-04-01 00:00:00', 'system');
insert into commitment_template (severity, department_code, version_number, title, body, published_at, published_by)
values ('SERIOUS', null, 1, '信用修复承诺书（严重失信）',
'本单位{entityName}（统一社会信用代码：{uscc}）就{decisionNumber}“{recordTitle}”严重失信信息申请信用修复，郑重承诺：
一、所提交的申请材料（含专题培训证明、信用报告）真实、准确、完整，不存在虚假记载、误导性陈述或重大遗漏；
二、已纠正失信行为、履行法定义务，已整改到位并消除不良影响；
三、今后严格遵守法律法规和行业规范，依法诚信经营，主动接受行业主管部门监管；
四、自愿接受社会监督，同意本承诺书向社会公示并记入本单位信用记录；
五、如违背上述承诺或提供虚假材料，自愿接受撤销信用修复决定、重新公示失信信息三年且不得提前修复、原失信信息三年内不得修复等联合惩戒措施，并承担相应法律责任。', '2026-04-01 00:00:00', 'system');
