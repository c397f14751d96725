package cn.credit.workflow.commitment;

import cn.credit.workflow.record.Severity;
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

/**
 * One published version of a commitment text for a severity, for one department or (department
 * null) for all. Versions are never edited: a new text is a new version.
 */
@Entity
@Immutable
@Table(name = "commitment_template")
public class CommitmentTemplate {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private CommitmentPurpose purpose;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Severity severity;

  @Column(name = "department_code", length = 32)
  private String departmentCode;

  @Column(name = "version_number", nullable = false)
  private int version;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(nullable = false, length = 1_000_000)
  private String body;

  @Column(name = "published_at", nullable = false)
  private Instant publishedAt;

  @Column(name = "published_by", nullable = false, length = 64)
  private String publishedBy;

  protected CommitmentTemplate() {}

  CommitmentTemplate(CommitmentPurpose purpose, Severity severity, String departmentCode, int version, String title,
      String body, Instant publishedAt, String publishedBy) {
    this.purpose = purpose;
    this.severity = severity;
    this.departmentCode = departmentCode;
    this.version = version;
    this.title = title;
    this.body = body;
    this.publishedAt = publishedAt;
    this.publishedBy = publishedBy;
  }

  public Long getId() {
    return id;
  }

  public CommitmentPurpose getPurpose() {
    return purpose;
  }

  public Severity getSeverity() {
    return severity;
  }

  public String getDepartmentCode() {
    return departmentCode;
  }

  public int getVersion() {
    return version;
  }

  public String getTitle() {
    return title;
  }

  public String getBody() {
    return body;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public String getPublishedBy() {
    return publishedBy;
  }
}
