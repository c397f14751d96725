package cn.credit.workflow.department;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DepartmentRepository extends JpaRepository<Department, String> {

  List<Department> findAllByOrderBySortOrder();
}
