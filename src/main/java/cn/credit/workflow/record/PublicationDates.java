package cn.credit.workflow.record;

import java.time.LocalDate;

/**
 * The two dates a record's publication turns on, both the first day after a period (see {@link
 * PublicationPeriods}): the first day a repair may be asked and the first day it is no longer published.
 */
public record PublicationDates(LocalDate earliestRepairDate, LocalDate automaticEndDate) {}
