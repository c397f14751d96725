package cn.credit.workflow.record;

import java.time.LocalDate;

/** The two dates a record's publication turns on. */
public record PublicationDates(LocalDate earliestRepairDate, LocalDate automaticEndDate) {}
