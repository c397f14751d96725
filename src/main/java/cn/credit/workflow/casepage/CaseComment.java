package cn.credit.workflow.casepage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A note between the departments working a case; applicants do not see them. */
@Entity
@Immutable
@Table(name = "case_comment")
public class CaseComment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_ref", nullable = false, length = 32)
  private String caseRef;

  @Column(nullable = false, length = 64)
  private String author;

  @Column(name = "department_code", length = 32)
  private String departmentCode;

  @Column(nullable = false, length = 2000)
  private String body;

  @Column(name = "written_at", nullable = false)
  private Instant writtenAt;

  protected CaseComment() {
  }

  CaseComment(String caseRef, String author, String departmentCode, String body, Instant writtenAt) {
    this.caseRef = caseRef;
    this.author = author;
    this.departmentCode = departmentCode;
    this.body = body;
    this.writtenAt = writtenAt;
  }

  public Long getId() {
    return id;
  }

  public String getCaseRef() {
    return caseRef;
  }

  public String getAuthor() {
    return author;
  }

  public String getDepartmentCode() {
    return departmentCode;
  }

  public String getBody() {
    return body;
  }

  public Instant getWrittenAt() {
    return writtenAt;
  }
}
