package cn.credit.workflow.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A market entity (市场主体 / 信用主体), identified by its USCC. */
@Entity
@Table(name = "market_entity")
public class MarketEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ValidUscc
  @Column(nullable = false, unique = true, length = 18)
  private String uscc;

  @Column(nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private EntityKind kind;

  @Column(name = "legal_representative", length = 100)
  private String legalRepresentative;

  /** The operator (经营者) of an individual business: a natural person. */
  @Column(name = "operator_name", length = 100)
  private String operator;

  @Column(length = 300)
  private String address;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected MarketEntity() {}

  public MarketEntity(String uscc, String name, EntityKind kind, String legalRepresentative) {
    if (!Uscc.isValid(uscc)) {
      throw new IllegalArgumentException("not a valid USCC: " + uscc + " " + Uscc.problems(uscc));
    }
    this.uscc = uscc;
    this.name = name;
    this.kind = kind;
    this.legalRepresentative = legalRepresentative;
    this.createdAt = Instant.now();
  }

  /** A registered entity with every field the credit office keeps. */
  public MarketEntity(String uscc, String name, EntityKind kind, String legalRepresentative, String operator,
      String address, Instant at) {
    this(uscc, name, kind, legalRepresentative);
    this.operator = operator;
    this.address = address;
    this.createdAt = at;
  }

  /** The credit office's update: everything but the code, which names the entity for good. */
  public void update(String name, EntityKind kind, String legalRepresentative, String operator, String address,
      Instant at) {
    this.name = name;
    this.kind = kind;
    this.legalRepresentative = legalRepresentative;
    this.operator = operator;
    this.address = address;
    this.updatedAt = at;
  }

  public Long getId() {
    return id;
  }

  public String getUscc() {
    return uscc;
  }

  public String getName() {
    return name;
  }

  public EntityKind getKind() {
    return kind;
  }

  public String getLegalRepresentative() {
    return legalRepresentative;
  }

  public String getOperator() {
    return operator;
  }

  public String getAddress() {
    return address;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
