package cn.credit.workflow.casepage;

import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.Validity;
import cn.credit.workflow.user.Users;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Notes between departments on a case: who wrote what, when, for which department. */
@Service
class CaseNotes {

  static final int MAX_LENGTH = 2000;

  /** A note as written on the case page. */
  record Note(@NotBlank(message = "{note.body.length}") @Size(max = MAX_LENGTH, message = "{note.body.length}") String body) {}

  private final Validity validity;

  private final CaseCommentRepository comments;
  private final Users users;
  private final Clock clock;

  CaseNotes(CaseCommentRepository comments, Users users, Validity validity, Clock clock) {
    this.validity = validity;
    this.comments = comments;
    this.users = users;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  List<CaseComment> of(String caseRef) {
    return comments.findByCaseRefOrderById(caseRef);
  }

  @Transactional
  CaseComment write(String caseRef, String username, String body) {
    validity.check(new Note(body), "note.notSaved");
    var user = users.findById(username).orElseThrow(() -> ApiProblem.forbidden("user.unknown", username));
    return comments.save(new CaseComment(caseRef, username,
        user.getDepartment() == null ? null : user.getDepartment().getCode(), body.strip(), clock.instant()));
  }
}
