package cn.credit.workflow.department;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The departments as other features reach them: they call this, never the repository. */
@Service
public class Departments {

  private final DepartmentRepository departments;

  Departments(DepartmentRepository departments) {
    this.departments = departments;
  }

  @Transactional(readOnly = true)
  public Optional<Department> findById(String code) {
    return departments.findById(code);
  }

  @Transactional(readOnly = true)
  public boolean existsById(String code) {
    return departments.existsById(code);
  }

  /** In the order the lists show them. */
  @Transactional(readOnly = true)
  public List<Department> findAllByOrderBySortOrder() {
    return departments.findAllByOrderBySortOrder();
  }

  /** The first department of a kind, e.g. the city credit office (市信用办). */
  @Transactional(readOnly = true)
  public Optional<Department> findFirstByKind(DepartmentKind kind) {
    return departments.findFirstByKind(kind);
  }

  @Transactional
  public Department save(Department department) {
    return departments.saveAndFlush(department);
  }

  @Transactional
  public List<Department> saveAll(List<Department> all) {
    return departments.saveAll(all);
  }
}
