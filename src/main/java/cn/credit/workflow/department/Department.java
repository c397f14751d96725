package cn.credit.workflow.department;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A deciding or providing department (认定单位 / 提供单位), or the credit office itself. Its code is
 * also its Camunda group id, so it is the candidate group of every task the department works.
 */
@Entity
@Table(name = "department")
public class Department {

  @Id
  @Column(length = 32)
  private String code;

  @Column(name = "name_zh", nullable = false, length = 100)
  private String nameZh;

  @Column(name = "name_en", nullable = false, length = 100)
  private String nameEn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private DepartmentKind kind;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  protected Department() {}

  public Department(String code, String nameZh, String nameEn, DepartmentKind kind, int sortOrder) {
    this.code = code;
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.kind = kind;
    this.sortOrder = sortOrder;
  }

  public String getCode() {
    return code;
  }

  public String getNameZh() {
    return nameZh;
  }

  public String getNameEn() {
    return nameEn;
  }

  public DepartmentKind getKind() {
    return kind;
  }

  public int getSortOrder() {
    return sortOrder;
  }

  /** Camunda group of the department's leaders (sign-offs, extensions, escalations). */
  public String leaderGroupId() {
    return leaderGroupId(code);
  }

  public static String leaderGroupId(String departmentCode) {
    return departmentCode + "-leaders";
  }

  @Override
  public String toString() {
    return code;
  }
}
