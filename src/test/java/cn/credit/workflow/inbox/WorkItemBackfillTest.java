package cn.credit.workflow.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.repair.RepairRequest;
import cn.credit.workflow.repair.RepairService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Open tasks no listener has seen (an upgraded installation) are listed on the first start. */
@SpringBootTest(properties = {"camunda.bpm.process-engine-name=backfill", "credit.demo-data.enabled=true"})
class WorkItemBackfillTest {

  @Autowired RepairService repairs;
  @Autowired WorkItemRepository items;
  @Autowired WorkItemBackfill backfill;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anEmptyWorkItemTableIsFilledFromTheEnginesOpenTasks() {
    RepairRequest request = repairs.file("applicant.a", 2L, "已整改");
    repairs.sign(request.getId(), "applicant.a", "王明德", true);
    WorkItem listened = items.findByCaseRefOrderByCreatedAt(request.getCaseRef()).stream()
        .filter(i -> i.getState() == WorkItem.State.OPEN).findFirst().orElseThrow();
    assertThat(listened.getCandidateGroup()).isEqualTo("ecology");

    jdbc.update("delete from work_item");
    backfill.backfillOnce();

    WorkItem listed = items.findById(listened.getTaskId()).orElseThrow();
    assertThat(listed.getCaseRef()).isEqualTo(request.getCaseRef());
    assertThat(listed.getCandidateGroup()).isEqualTo("ecology");
    assertThat(listed.getDepartmentCode()).isEqualTo("ecology");
    assertThat(listed.getUscc()).isEqualTo("91370100MA3C4K5N0R");
    assertThat(listed.getFormKey()).isEqualTo("app:accept");
    assertThat(listed.getDueAt()).isEqualTo(listened.getDueAt());
    assertThat(listed.getState()).isEqualTo(WorkItem.State.OPEN);

    long count = items.count();
    backfill.backfillOnce();
    assertThat(items.count()).as("only an empty table is filled").isEqualTo(count);
  }
}
