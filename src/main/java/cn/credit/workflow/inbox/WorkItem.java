package cn.credit.workflow.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A user task as the inbox lists it: kept by the engine's task listeners in the task's own
 * transaction, so that the lists are plain indexed queries however many tasks are open.
 */
@Entity
@Table(name = "work_item")
public class WorkItem {

  public enum State { OPEN, COMPLETED, CANCELLED }

  @Id
  @Column(name = "task_id", length = 64)
  private String taskId;

  @Column(name = "case_ref", length = 32)
  private String caseRef;

  @Column(name = "process_key", nullable = false, length = 64)
  private String processKey;

  @Column(name = "step_key", nullable = false, length = 64)
  private String stepKey;

  @Column(name = "step_name", nullable = false)
  private String stepName;

  @Column(name = "department_code", length = 32)
  private String departmentCode;

  @Column(name = "candidate_group", length = 64)
  private String candidateGroup;

  @Column(length = 64)
  private String assignee;

  @Column(name = "entity_name", length = 200)
  private String entityName;

  @Column(length = 18)
  private String uscc;

  @Column(name = "form_key", length = 100)
  private String formKey;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "due_at")
  private Instant dueAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private State state;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(name = "completed_by", length = 64)
  private String completedBy;

  /** The bundle key of the outcome chosen in the step's form, once completed. */
  @Column(name = "outcome_key", length = 150)
  private String outcomeKey;

  @Column(length = 1000)
  private String opinion;

  protected WorkItem() {
  }

  WorkItem(String taskId, String processKey, String stepKey, Instant createdAt) {
    this.taskId = taskId;
    this.processKey = processKey;
    this.stepKey = stepKey;
    this.createdAt = createdAt;
    this.state = State.OPEN;
  }

  void describe(String stepName, String caseRef, String candidateGroup, String departmentCode, String formKey) {
    this.stepName = stepName;
    this.caseRef = caseRef;
    this.candidateGroup = candidateGroup;
    this.departmentCode = departmentCode;
    this.formKey = formKey;
  }

  void about(String entityName, String uscc) {
    this.entityName = entityName;
    this.uscc = uscc;
  }

  void assign(String assignee, Instant dueAt) {
    this.assignee = assignee;
    this.dueAt = dueAt;
  }

  void end(State state, Instant at, String completedBy) {
    this.state = state;
    this.endedAt = at;
    this.completedBy = completedBy;
  }

  void decided(String outcomeKey, String opinion) {
    this.outcomeKey = outcomeKey;
    this.opinion = opinion;
  }

  public String getOutcomeKey() {
    return outcomeKey;
  }

  public String getOpinion() {
    return opinion;
  }

  public String getTaskId() {
    return taskId;
  }

  public String getCaseRef() {
    return caseRef;
  }

  public String getProcessKey() {
    return processKey;
  }

  public String getStepKey() {
    return stepKey;
  }

  public String getStepName() {
    return stepName;
  }

  public String getDepartmentCode() {
    return departmentCode;
  }

  public String getCandidateGroup() {
    return candidateGroup;
  }

  public String getAssignee() {
    return assignee;
  }

  public String getEntityName() {
    return entityName;
  }

  public String getUscc() {
    return uscc;
  }

  public String getFormKey() {
    return formKey;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public State getState() {
    return state;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public String getCompletedBy() {
    return completedBy;
  }
}
