package cn.credit.workflow.inbox;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface TaskActionRepository extends JpaRepository<TaskAction, Long> {

  Page<TaskAction> findByTargetAndActionInOrderByOccurredAtDesc(String target, Collection<TaskAction.Kind> actions,
      Pageable page);

  long countByTargetAndActionIn(String target, Collection<TaskAction.Kind> actions);

  List<TaskAction> findByTaskIdAndActionInOrderById(String taskId, Collection<TaskAction.Kind> actions);

  List<TaskAction> findByAnswersIdIn(Collection<Long> questionIds);

  boolean existsByAnswersId(Long questionId);

  List<TaskAction> findByCaseRefOrderById(String caseRef);

  boolean existsByCaseRefAndTargetAndAction(String caseRef, String target, TaskAction.Kind action);

  List<TaskAction> findByCaseRefAndToStepKeyOrderById(String caseRef, String toStepKey);
}
