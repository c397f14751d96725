package cn.credit.workflow.revocation;

import cn.credit.workflow.casefile.CaseRecordRepository;

interface RevocationRepository extends CaseRecordRepository<Revocation> {

  boolean existsByRecordIdAndState(Long recordId, RevocationState state);
}
