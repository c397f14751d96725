package cn.credit.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RunningAppTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@RunningAppTest
class CalendarApiTest {

  @LocalServerPort int port;
  @Autowired WorkingDayCalendar calendar;
  HttpTestClient http;

  @BeforeEach
  void client() {
    http = new HttpTestClient(port, "en"); // the refusals below are asserted in English
  }

  @Test
  void answersTheDueDateWithoutLogin() throws Exception {
    HttpResponse<String> response = http.get("/api/calendar/due?from=2026-09-30&workingDays=3", null, "application/json");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .isEqualTo("{\"from\":\"2026-09-30\",\"workingDays\":3,\"due\":\"2026-10-10\",\"provisional\":false}");
  }

  @Test
  void aDueDateInAYearNotLoadedIsProvisional() throws Exception {
    // 2027 is not loaded: 12-30, 12-31, then 2027-01-01 (a Friday) is New Year's Day by law, so 01-04,
    // 01-05, 01-06 (weekends only would have said 01-05)
    assertThat(http.get("/api/calendar/due?from=2026-12-29&workingDays=5", null, "application/json").body())
        .contains("\"due\":\"2027-01-06\"").contains("\"provisional\":true");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      /api/calendar/due?workingDays=3                    | parameter 'from' is required
      /api/calendar/due?from=2026-09-30                  | parameter 'workingDays' is required
      /api/calendar/due?from=30.09.2026&workingDays=3    | parameter 'from' must be a date written yyyy-MM-dd, not '30.09.2026'
      /api/calendar/due?from=2026-02-30&workingDays=3    | parameter 'from' must be a date written yyyy-MM-dd, not '2026-02-30'
      /api/calendar/due?from=2026-09-30&workingDays=-1   | workingDays must be between 0 and 400, not -1
      /api/calendar/due?from=2026-09-30&workingDays=99999| workingDays must be between 0 and 400, not 99999
      /api/calendar/due?from=2026-09-30&workingDays=three| parameter 'workingDays' must be a whole number, not 'three'
      /api/calendar/due?from=2026-09-30&workingDays=9999999999| parameter 'workingDays' must be a whole number, not '9999999999'
      /api/calendar/due?from=%2B999999999-12-31&workingDays=3| parameter 'from' must be a date in 2000..2100, not '+999999999-12-31'
      /api/calendar/due?from=-999999999-01-01&workingDays=3 | parameter 'from' must be a date in 2000..2100, not '-999999999-01-01'
      /api/calendar/due?from=1800-01-01&workingDays=3       | parameter 'from' must be a date in 2000..2100, not '1800-01-01'
      """)
  void badInputIsA400ThatSaysWhatIsWrong(String path, String message) throws Exception {
    HttpResponse<String> response = http.get(path.strip(), null, "application/json");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"message\":\"" + message.strip() + "\"");
  }

  @Test
  void aDateOutOfRangeIsRefusedAsProblemDetailsNamingTheParameter() throws Exception {
    HttpResponse<String> response = http.get("/api/calendar/due?from=%2B999999999-12-31&workingDays=3", null,
        "application/json");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"title\":\"Bad Request\"").contains("\"status\":400")
        .contains("\"fields\":[{\"field\":\"from\",");
  }

  @Test
  void aListOfDaysWithAHoleOrOfTheWrongTypesNamesTheEntry() throws Exception {
    HttpResponse<String> hole = http.postJson("/api/admin/calendar/2031", "admin", "{\"source\":\"x\",\"days\":[null]}");
    assertThat(hole.statusCode()).isEqualTo(422);
    assertThat(hole.body()).contains("nothing was stored").contains("{\"field\":\"days[0]\",");
    HttpResponse<String> kind = http.postJson("/api/admin/calendar/2031", "admin",
        "{\"source\":\"x\",\"days\":[{\"date\":\"2031-01-01\",\"kind\":\"HOLIDAY\",\"name\":\"元旦\"}]}");
    assertThat(kind.statusCode()).isEqualTo(400);
    assertThat(kind.body()).contains("{\"field\":\"days[0].kind\",").contains("OFF").contains("WORK");
    HttpResponse<String> range = http.postJson("/api/admin/calendar/2031", "admin",
        "{\"source\":\"x\",\"text\":\"2031-01-01..+999999999-12-31 休 forever\"}");
    assertThat(range.statusCode()).as("refused, not counted day by day").isEqualTo(422);
    assertThat(range.body()).contains("a range lies within 2031");
    assertThat(calendar.snapshot().isLoaded(2031)).isFalse();
  }

  @Test
  void onlyAdminsLoadAYear() throws Exception {
    String body = "{\"source\":\"test\",\"text\":\"2030-01-01 休 元旦\"}";
    assertThat(http.postJson("/api/admin/calendar/2030", null, body).statusCode()).isEqualTo(401);
    assertThat(http.postJson("/api/admin/calendar/2030", "reviewer.market", body).statusCode()).isEqualTo(403);
    assertThat(calendar.snapshot().isLoaded(2030)).isFalse();
  }

  @Test
  void aYearWithADateBothOffAndWorkingIsRefusedAndNothingIsStored() throws Exception {
    HttpResponse<String> response = http.postJson("/api/admin/calendar/2031", "admin", """
        {"source":"国务院办公厅通知","days":[
          {"date":"2031-01-01","kind":"OFF","name":"元旦"},
          {"date":"2031-01-25","kind":"OFF","name":"春节"},
          {"date":"2031-01-25","kind":"WORK","name":"春节调休上班"}]}""");
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("nothing was stored")
        .contains("2031-01-25 is listed both as a day off and as a working day");
    assertThat(calendar.snapshot().isLoaded(2031)).isFalse();
    assertThat(calendar.daysOf(2031)).isEmpty();
  }

  @Test
  void anAdminLoadsANewYearAndDueDatesInItAreNoLongerProvisional() throws Exception {
    String year = """
        {"source":"国务院办公厅关于2032年部分节假日安排的通知","text":"2032-01-01 休 元旦\\n2032-02-10..2032-02-17 休 春节\\n2032-02-07 班 春节调休上班"}""";
    HttpResponse<String> loaded = http.postJson("/api/admin/calendar/2032", "admin", year);
    assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
    assertThat(loaded.body()).contains("\"days\":10");
    assertThat(http.get("/api/calendar/due?from=2032-02-06&workingDays=2", null, "application/json").body())
        .contains("\"due\":\"2032-02-09\"").contains("\"provisional\":false");

    HttpResponse<String> again = http.postJson("/api/admin/calendar/2032", "admin", year);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("already loaded").contains("replace=true");
    assertThat(http.postJson("/api/admin/calendar/2032?replace=true", "admin", year).statusCode()).isEqualTo(201);
    assertThat(calendar.daysOf(2032)).hasSize(10);
  }

  @Test
  void theShippedYearsAreInTheDatabase() {
    assertThat(calendar.loadedYears()).extracting(CalendarYear::getYear).contains(2025, 2026);
    assertThat(calendar.daysOf(2026)).contains(new ScheduledDay(java.time.LocalDate.of(2026, 10, 10), DayKind.WORK,
        "国庆节调休上班"));
  }
}
