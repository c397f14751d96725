-- Credit record disputes (信用信息异议): the dispute case, and the dispute commitment templates.

alter table commitment_template add purpose varchar(10) default 'REPAIR' not null;

create table dispute (
  id                   bigint        not null auto_increment primary key,
  case_ref             varchar(32)   not null,
  record_id            bigint        not null,
  entity_id            bigint        not null,
  department_code      varchar(32)   not null,
  applicant            varchar(64)   not null,
  ground               varchar(30)   not null,
  facts                varchar(4000) not null,
  proof                varchar(4000),
  state                varchar(30)   not null,
  process_instance_id  varchar(64),
  template_id          bigint        not null,
  received_at          datetime(6)   not null,
  due_date             date,
  due_provisional      boolean       not null,
  assist_department    varchar(32),
  extension_reason     varchar(1000),
  outcome              varchar(20),
  reasons              varchar(2000),
  changes              varchar(4000),
  replied_at           datetime(6),
  letter_code          varchar(20),
  version              bigint        not null,
  constraint uk_dispute_case_ref unique (case_ref),
  constraint uk_dispute_letter unique (letter_code),
  constraint fk_dispute_record foreign key (record_id) references dishonesty_record (id),
  constraint fk_dispute_entity foreign key (entity_id) references market_entity (id),
  constraint fk_dispute_template foreign key (template_id) references commitment_template (id)
);
create index ix_dispute_record_state on dispute (record_id, state);
create index ix_dispute_applicant on dispute (applicant, received_at);

-- 异议申诉信用承诺书 (令 36 art. 18; seed 000 §三(一)4): one per severity for every department.
insert into commitment_template (purpose, severity, department_code, version_number, title, body, published_at, published_by)
values ('DISPUTE', 'MINOR', null, 1, '异议申诉信用承诺书',
'本单位{entityName}（统一社会信用代码：{uscc}）对{decisionNumber}“{recordTitle}”信用信息提出异议，郑重承诺：
一、所陈述的事实和提交的证明材料真实、准确、完整，不存在虚假记载、误导性陈述或重大遗漏；
二、不以异议申诉拖延、规避失信惩戒；
三、如提供虚假材料或作出不实陈述，自愿承担相应法律责任，并同意将违背承诺的情况记入本单位信用记录。', '2026-04-01 00:00:00', 'system');
insert into commitment_template (purpose, severity, department_code, version_number, title, body, published_at, published_by)
values ('DISPUTE', 'GENERAL', null, 1, '异议申诉信用承诺书',
'本单位{entityName}（统一社会信用代码：{uscc}）对{decisionNumber}“{recordTitle}”信用信息提出异议，郑重承诺：
一、所陈述的事实和提交的证明材料真实、准确、完整，不存在虚假记载、误导性陈述或重大遗漏；
二、不以异议申诉拖延、规避失信惩戒；
三、如提供虚假材料或作出不实陈述，自愿承担相应法律责任，并同意将违背承诺的情况记入本单位信用记录。', '2026-04-01 00:00:00', 'system');
insert into commitment_template (purpose, severity, department_code, version_number, title, body, published_at, published_by)
values ('DISPUTE', 'SERIOUS', null, 1, '异议申诉信用承诺书',
'本单位{entityName}（统一社会信用代码：{uscc}）对{decisionNumber}“{recordTitle}”信用信息提出异议，郑重承诺：
一、所陈述的事实和提交的证明材料真实、准确、完整，不存在虚假记载、误导性陈述或重大遗漏；
二、不以异议申诉拖延、规避失信惩戒；
三、如提供虚假材料或作出不实陈述，自愿承担相应法律责任，并同意将违背承诺的情况记入本单位信用记录。', '2026-04-01 00:00:00', 'system');
