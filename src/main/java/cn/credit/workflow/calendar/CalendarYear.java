package cn.credit.workflow.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A year whose holidays are loaded; days in a year without a row count weekends only (provisional). */
@Entity
@Table(name = "calendar_year")
public class CalendarYear {

  @Id
  @Column(name = "year_number")
  private int year;

  @Column(nullable = false, length = 300)
  private String source;

  @Column(name = "loaded_at", nullable = false)
  private Instant loadedAt;

  @Column(name = "loaded_by", nullable = false, length = 64)
  private String loadedBy;

  protected CalendarYear() {}

  CalendarYear(int year, String source, Instant loadedAt, String loadedBy) {
    this.year = year;
    this.source = source;
    this.loadedAt = loadedAt;
    this.loadedBy = loadedBy;
  }

  public int getYear() {
    return year;
  }

  public String getSource() {
    return source;
  }

  public Instant getLoadedAt() {
    return loadedAt;
  }

  public String getLoadedBy() {
    return loadedBy;
  }
}
