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

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

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

  public Instant getCreatedAt() {
    return createdAt;
  }
}
