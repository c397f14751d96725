package cn.credit.workflow.repair;

import cn.credit.workflow.casefile.CaseRecordRepository;
import java.util.Collection;

public interface RepairRequestRepository extends CaseRecordRepository<RepairRequest> {

  boolean existsByRecordIdAndStateIn(Long recordId, Collection<RepairState> states);
}
