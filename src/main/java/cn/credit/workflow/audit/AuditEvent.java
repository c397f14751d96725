package cn.credit.workflow.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the audit trail: who did what to what, when and from which address. Never changed. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private Instant at;

  @Column(length = 64)
  private String actor;

  @Column(nullable = false, length = 40)
  private String action;

  @Column(length = 200)
  private String target;

  @Column(length = 64)
  private String address;

  @Column(length = 1000)
  private String detail;

  protected AuditEvent() {}

  AuditEvent(Instant at, String actor, AuditAction action, String target, String address, String detail) {
    this.at = at;
    this.actor = clip(actor, 64);
    this.action = action.name();
    this.target = clip(target, 200);
    this.address = clip(address, 64);
    this.detail = clip(detail, 1000);
  }

  /** What a person typed (a user name at sign-in) may be anything: kept printable and within the column. */
  private static String clip(String value, int max) {
    if (value == null) {
      return null;
    }
    String printable = value.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= max ? printable : printable.substring(0, max);
  }

  public Long getId() {
    return id;
  }

  public Instant getAt() {
    return at;
  }

  public String getActor() {
    return actor;
  }

  public String getAction() {
    return action;
  }

  public String getTarget() {
    return target;
  }

  public String getAddress() {
    return address;
  }

  public String getDetail() {
    return detail;
  }
}
