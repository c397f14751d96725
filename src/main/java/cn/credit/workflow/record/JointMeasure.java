package cn.credit.workflow.record;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;

/**
 * A joint-punishment measure (联合惩戒措施) a member department takes against an entity under a record
 * of a type, named in Chinese and English as departments are; lifted when the record is repaired.
 */
@Entity
@Table(name = "joint_measure")
public class JointMeasure {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "department_code", nullable = false, length = 32)
  private String departmentCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "record_type", nullable = false, length = 40)
  private RecordType recordType;

  @Column(name = "name_zh", nullable = false, length = 200)
  private String nameZh;

  @Column(name = "name_en", nullable = false, length = 200)
  private String nameEn;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  protected JointMeasure() {}

  public JointMeasure(String departmentCode, RecordType recordType, String nameZh, String nameEn, int sortOrder) {
    this.departmentCode = departmentCode;
    this.recordType = recordType;
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.sortOrder = sortOrder;
  }

  public Long getId() {
    return id;
  }

  public String getDepartmentCode() {
    return departmentCode;
  }

  public RecordType getRecordType() {
    return recordType;
  }

  public String getNameZh() {
    return nameZh;
  }

  public String getNameEn() {
    return nameEn;
  }

  public int getSortOrder() {
    return sortOrder;
  }

  /** The name in the page's language: English for English, Chinese otherwise. */
  public String nameIn(Locale locale) {
    return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
  }
}
