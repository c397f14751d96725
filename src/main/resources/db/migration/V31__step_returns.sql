-- 退回: a step returned the case to an earlier step of its model (a flow named 退回, ADR 0008). The
-- row is the returning step's, with who, when and why; this column names the step it went back to,
-- so that the re-opened step shows why it is back.
alter table task_action add column to_step_key varchar(64);
create index ix_task_action_return on task_action (case_ref, to_step_key);
