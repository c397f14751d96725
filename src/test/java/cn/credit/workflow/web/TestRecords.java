package cn.credit.workflow.web;

import cn.credit.workflow.department.Department;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.user.AppUserRepository;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.transaction.support.TransactionTemplate;

/** Publishes a penalty about an applicant's entity for the browser tests, as a department's intake would. */
record TestRecords(TransactionTemplate tx, AppUserRepository users, DepartmentRepository departments,
    RecordService recordService) {

  Long publish(String applicant, String number, String department, Severity severity, int daysAgo,
      String... members) {
    return tx.execute(s -> {
      var entity = users.findById(applicant).orElseThrow().getEntity();
      Set<Department> memberSet = Arrays.stream(members).map(departments::getReferenceById)
          .collect(Collectors.toSet());
      return recordService.publish(new RecordFacts(entity, departments.getReferenceById(department),
          RecordType.ADMINISTRATIVE_PENALTY, severity, number, "未批先建", "罚款五万元",
          LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(daysAgo), null, memberSet), "test").getId();
    });
  }
}
