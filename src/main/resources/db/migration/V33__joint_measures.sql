-- 联合惩戒措施: what each member department does to an entity under a record of a type, and so what
-- it lifts when the record is repaired. Data, not code: the confirmation of lifting lists a member
-- department's own measures, and the commitments' joint-punishment loop builds on the same table.
create table joint_measure (
  id               bigint       not null auto_increment primary key,
  department_code  varchar(32)  not null,
  record_type      varchar(40)  not null,
  name_zh          varchar(200) not null,
  name_en          varchar(200) not null,
  sort_order       int          not null,
  constraint fk_joint_measure_department foreign key (department_code) references department (code)
);
create index ix_joint_measure_department_type on joint_measure (department_code, record_type);
