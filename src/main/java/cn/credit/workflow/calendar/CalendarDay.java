package cn.credit.workflow.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

@Entity
@Table(name = "calendar_day")
class CalendarDay {

  @Id
  @Column(name = "day_date")
  private LocalDate date;

  @Column(name = "year_number", nullable = false)
  private int year;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private DayKind kind;

  @Column(nullable = false, length = 60)
  private String name;

  protected CalendarDay() {}

  CalendarDay(ScheduledDay day) {
    this.date = day.date();
    this.year = day.date().getYear();
    this.kind = day.kind();
    this.name = day.name();
  }

  ScheduledDay toScheduledDay() {
    return new ScheduledDay(date, kind, name);
  }
}
