package cn.credit.workflow.calendar;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CalendarDayRepository extends JpaRepository<CalendarDay, LocalDate> {

  @Modifying
  @Query("delete from CalendarDay d where d.year = ?1")
  int deleteByYear(int year);

  List<CalendarDay> findByYear(int year);
}
