package cn.credit.workflow.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One thing done with a task besides completing it: who, when, to whom and why. Never changed. */
@Entity
@Immutable
@Table(name = "task_action")
public class TaskAction {

  /** What was done; each has its words in the bundles ({@code taskAction.<KIND>}). */
  public enum Kind {
    /** 转办: given to a colleague, who works it from now on */
    TRANSFER,
    /** 委派: a colleague works it for the assignee, who gets it back */
    DELEGATE,
    /** the delegate gives it back to the assignee */
    RESOLVE,
    /** 抄送: someone who needs to know is told */
    COPY,
    /** 征求意见: a colleague, a leader or another department's staff is asked for an opinion before deciding */
    CONSULT,
    /** the opinion asked for, given back to whoever asked */
    ANSWER,
    /** 退回: the step sent the case back to an earlier step, as its model allows (ADR 0008) */
    RETURN
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "task_id", nullable = false, length = 64)
  private String taskId;

  @Column(name = "case_ref", length = 32)
  private String caseRef;

  @Column(name = "process_key", length = 64)
  private String processKey;

  @Column(name = "step_key", length = 64)
  private String stepKey;

  @Column(name = "step_name", nullable = false)
  private String stepName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Kind action;

  @Column(nullable = false, length = 64)
  private String actor;

  @Column(length = 64)
  private String target;

  @Column(length = 1000)
  private String reason;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  /** The question (CONSULT) an answer is to. */
  @Column(name = "answers_id")
  private Long answersId;

  /** A return: the earlier step the case went back to. */
  @Column(name = "to_step_key", length = 64)
  private String toStepKey;

  protected TaskAction() {}

  /** A return from {@code step} to the earlier step {@code toStepKey}, to the person or group who has it again. */
  TaskAction(WorkItem step, String actor, String target, String reason, Instant occurredAt, String toStepKey) {
    this(step, Kind.RETURN, actor, target, reason, occurredAt);
    this.toStepKey = toStepKey;
  }

  TaskAction(WorkItem step, Kind action, String actor, String target, String reason, Instant occurredAt) {
    this.taskId = step.getTaskId();
    this.caseRef = step.getCaseRef();
    this.processKey = step.getProcessKey();
    this.stepKey = step.getStepKey();
    this.stepName = step.getStepName();
    this.action = action;
    this.actor = actor;
    this.target = target;
    this.reason = reason;
    this.occurredAt = occurredAt;
  }

  /** The answer to a question: about the same step, to whoever asked. */
  TaskAction(TaskAction question, String actor, String opinion, Instant occurredAt) {
    this.taskId = question.taskId;
    this.caseRef = question.caseRef;
    this.processKey = question.processKey;
    this.stepKey = question.stepKey;
    this.stepName = question.stepName;
    this.action = Kind.ANSWER;
    this.actor = actor;
    this.target = question.actor;
    this.reason = opinion;
    this.occurredAt = occurredAt;
    this.answersId = question.id;
  }

  public String getToStepKey() {
    return toStepKey;
  }

  public Long getAnswersId() {
    return answersId;
  }

  public Long getId() {
    return id;
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

  public Kind getAction() {
    return action;
  }

  public String getActor() {
    return actor;
  }

  public String getTarget() {
    return target;
  }

  public String getReason() {
    return reason;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }
}
