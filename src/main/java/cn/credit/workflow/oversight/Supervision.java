package cn.credit.workflow.oversight;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A case on a leader's own follow-up list (督办). */
@Entity
@Table(name = "supervision")
public class Supervision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 64)
  private String leader;

  @Column(name = "case_ref", nullable = false, length = 64)
  private String caseRef;

  @Column(length = 1000)
  private String note;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Supervision() {}

  Supervision(String leader, String caseRef, String note, Instant createdAt) {
    this.leader = leader;
    this.caseRef = caseRef;
    this.note = note;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public String getLeader() {
    return leader;
  }

  public String getCaseRef() {
    return caseRef;
  }

  public String getNote() {
    return note;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
