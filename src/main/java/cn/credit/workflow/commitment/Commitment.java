package cn.credit.workflow.commitment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A signed credit commitment (信用承诺书): the exact text shown, its hash, who signed and when. */
@Entity
@Immutable
@Table(name = "commitment")
public class Commitment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_ref", nullable = false, unique = true, length = 32)
  private String caseRef;

  @Column(name = "entity_id", nullable = false)
  private Long entityId;

  @Column(name = "template_id", nullable = false)
  private Long templateId;

  @Column(name = "template_version", nullable = false)
  private int templateVersion;

  @Column(name = "text_shown", nullable = false, length = 1_000_000)
  private String text;

  @Column(name = "text_sha256", nullable = false, length = 64)
  private String sha256;

  @Column(name = "signatory_name", nullable = false, length = 100)
  private String signatoryName;

  @Column(name = "signed_by", nullable = false, length = 64)
  private String signedBy;

  @Column(name = "signed_at", nullable = false)
  private Instant signedAt;

  protected Commitment() {}

  Commitment(String caseRef, Long entityId, CommitmentTemplate template, String text, String sha256,
      String signatoryName, String signedBy, Instant signedAt) {
    this.caseRef = caseRef;
    this.entityId = entityId;
    this.templateId = template.getId();
    this.templateVersion = template.getVersion();
    this.text = text;
    this.sha256 = sha256;
    this.signatoryName = signatoryName;
    this.signedBy = signedBy;
    this.signedAt = signedAt;
  }

  public Long getId() {
    return id;
  }

  public String getCaseRef() {
    return caseRef;
  }

  public Long getEntityId() {
    return entityId;
  }

  public Long getTemplateId() {
    return templateId;
  }

  public int getTemplateVersion() {
    return templateVersion;
  }

  public String getText() {
    return text;
  }

  public String getSha256() {
    return sha256;
  }

  public String getSignatoryName() {
    return signatoryName;
  }

  public String getSignedBy() {
    return signedBy;
  }

  public Instant getSignedAt() {
    return signedAt;
  }
}
