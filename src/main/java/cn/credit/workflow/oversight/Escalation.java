package cn.credit.workflow.oversight;

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

/** A line in a case's history: a task went overdue, was escalated, or was urged. Never changed. */
@Entity
@Immutable
@Table(name = "escalation")
public class Escalation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "task_id", nullable = false, length = 64)
  private String taskId;

  @Column(name = "process_instance_id", nullable = false, length = 64)
  private String processInstanceId;

  @Column(name = "case_ref", length = 64)
  private String caseRef;

  @Column(name = "department_code", length = 32)
  private String departmentCode;

  @Column(name = "task_name", nullable = false, length = 200)
  private String taskName;

  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private EscalationLevel level;

  @Column(nullable = false, length = 64)
  private String actor;

  @Column(length = 1000)
  private String message;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Escalation() {}

  Escalation(cn.credit.workflow.process.TaskRef task, EscalationLevel level, String actor, String message,
      Instant createdAt) {
    this.taskId = task.taskId();
    this.processInstanceId = task.processInstanceId();
    this.caseRef = task.caseRef();
    this.departmentCode = task.departmentCode();
    this.taskName = task.name();
    this.dueAt = task.due().toInstant();
    this.level = level;
    this.actor = actor;
    this.message = message;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public String getTaskId() {
    return taskId;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getCaseRef() {
    return caseRef;
  }

  public String getDepartmentCode() {
    return departmentCode;
  }

  public String getTaskName() {
    return taskName;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public EscalationLevel getLevel() {
    return level;
  }

  public String getActor() {
    return actor;
  }

  public String getMessage() {
    return message;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
