package cn.credit.workflow.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Batches of records as a department's system writes them: .csv text and .xlsx with real date cells. */
final class TestSheets {

  static final List<String> HEADER = List.of("文书号", "统一社会信用代码", "信息类型", "处罚种类", "事由", "内容", "决定日期",
      "期限届满日", "罚没金额（元）", "法律依据", "不予修复");

  private TestSheets() {}

  /** One row: document number, code, type, penalties, subject, decided, amount. */
  static List<Object> row(String number, String uscc, String type, String penalties, String title, LocalDate decided,
      String amount) {
    return java.util.Arrays.asList(number, uscc, type, penalties, title, "内容：" + title, decided, null, amount,
        "《行政处罚法》", "否");
  }

  static byte[] csv(List<List<Object>> rows) {
    StringBuilder text = new StringBuilder("\uFEFF").append(String.join(",", HEADER)).append("\r\n");
    for (List<Object> row : rows) {
      text.append(String.join(",", row.stream().map(c -> c == null ? "" : "\"" + c.toString().replace("\"", "\"\"")
          + "\"").toList())).append("\r\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Written with POI's streaming writer, a date as a date cell in the spreadsheet's own short date format. */
  static byte[] xlsx(List<List<Object>> rows) throws IOException {
    try (SXSSFWorkbook book = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("失信信息");
      CellStyle date = book.createCellStyle();
      date.setDataFormat((short) 14); // the built-in m/d/yy
      Row header = sheet.createRow(0);
      for (int i = 0; i < HEADER.size(); i++) {
        header.createCell(i).setCellValue(HEADER.get(i));
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<Object> values = rows.get(r);
        for (int c = 0; c < values.size(); c++) {
          Object value = values.get(c);
          if (value instanceof LocalDate day) {
            Cell cell = row.createCell(c);
            cell.setCellValue(day);
            cell.setCellStyle(date);
          } else if (value != null) {
            row.createCell(c).setCellValue(value.toString());
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    }
  }
}
