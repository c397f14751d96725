package cn.credit.workflow.casepage;

import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import cn.credit.workflow.user.Users;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Notes between departments on a case: who wrote what, when, for which department. */
@Service
class CaseNotes {

  static final int MAX_LENGTH = 2000;

  private final CaseCommentRepository comments;
  private final Users users;
  private final Clock clock;

  CaseNotes(CaseCommentRepository comments, Users users, Clock clock) {
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
    if (body == null || body.isBlank() || body.length() > MAX_LENGTH) {
      throw ApiProblem.unprocessable(List.of(FieldProblem.of("body", "note.body.length", MAX_LENGTH)), "note.notSaved");
    }
    var user = users.findById(username).orElseThrow(() -> ApiProblem.forbidden("user.unknown", username));
    return comments.save(new CaseComment(caseRef, username,
        user.getDepartment() == null ? null : user.getDepartment().getCode(), body.strip(), clock.instant()));
  }
}
