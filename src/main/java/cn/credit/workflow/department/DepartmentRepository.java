package cn.credit.workflow.department;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DepartmentRepository extends JpaRepository<Department, String> {

  List<Department> findAllByOrderBySortOrder();

  /** The city credit office (市信用办): it triages disputes and sees every case. */
  Optional<Department> findFirstByKind(DepartmentKind kind);
}
