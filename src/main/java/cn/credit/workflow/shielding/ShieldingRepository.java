package cn.credit.workflow.shielding;

import cn.credit.workflow.casefile.CaseRecordRepository;
import java.util.Collection;

interface ShieldingRepository extends CaseRecordRepository<Shielding> {

  boolean existsByRecordIdAndStateIn(Long recordId, Collection<ShieldingState> states);
}
