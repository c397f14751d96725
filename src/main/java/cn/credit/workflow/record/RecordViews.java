package cn.credit.workflow.record;

import cn.credit.workflow.entity.Entities;
import cn.credit.workflow.entity.MarketEntity;
import cn.credit.workflow.entity.Uscc;
import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.text.Text;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.Role;
import cn.credit.workflow.user.Users;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An entity's records: an applicant sees its own entity's only; staff any entity's. */
@Service
class RecordViews {

  private final DishonestyRecordRepository records;
  private final Entities entities;
  private final Users users;
  private final Clock clock;

  RecordViews(DishonestyRecordRepository records, Entities entities, Users users,
      Clock clock) {
    this.records = records;
    this.entities = entities;
    this.users = users;
    this.clock = clock;
  }

  /** The records an API caller asks for: an applicant its own entity's, staff any entity's by its code. */
  @Transactional(readOnly = true)
  List<Map<String, Object>> records(String uscc, String username) {
    AppUser user = users.findById(username).orElseThrow(() -> ApiProblem.forbidden("user.unknown", username));
    MarketEntity entity;
    if (user.hasRole(Role.APPLICANT)) {
      entity = user.getEntity();
      if (uscc != null && !Uscc.normalize(uscc).equals(entity.getUscc())) {
        throw ApiProblem.notFound("entity.none", Uscc.normalize(uscc)); // not its own: as if there were none
      }
    } else {
      if (uscc == null || uscc.isBlank()) {
        throw ApiProblem.badRequest("problem.parameter.required", "uscc");
      }
      String code = Uscc.normalize(uscc);
      if (!Uscc.isValid(code)) {
        throw ApiProblem.badRequest("record.uscc.invalid", uscc, Text.of(Uscc.problems(code).get(0)));
      }
      entity = entities.findByUscc(code).orElseThrow(() -> ApiProblem.notFound("entity.none", code));
    }
    LocalDate today = LocalDate.now(clock);
    return records.findByEntityIdOrderByDecisionDateDesc(entity.getId()).stream().map(r -> {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("id", r.getId());
      view.put("uscc", entity.getUscc());
      view.put("title", r.getTitle());
      view.put("decisionNumber", r.getDecisionNumber());
      view.put("type", r.getType());
      view.put("severity", r.getSeverity());
      view.put("state", r.getState());
      view.put("department", r.getDepartment().getCode());
      view.put("decisionDate", r.getDecisionDate());
      view.put("earliestRepairDate", r.repairPossibleFrom());
      view.put("automaticEndDate", r.getAutomaticEndDate());
      view.put("repairableToday", r.isRepairableOn(today));
      if (r.getPublicationReason() != null) {
        view.put("publicationReason", r.getPublicationReason());
      }
      return view;
    }).toList();
  }
}
