package cn.credit.workflow.dispute;

import cn.credit.workflow.casefile.CaseRecordRepository;
import java.util.Collection;

interface DisputeRepository extends CaseRecordRepository<Dispute> {

  boolean existsByRecordIdAndStateIn(Long recordId, Collection<DisputeState> states);
}
