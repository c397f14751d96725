-- 征求意见: a question asked about a task (action CONSULT) and its answer (action ANSWER), which
-- names the question it answers.
alter table task_action add column answers_id bigint;
create index ix_task_action_answers on task_action (answers_id);
