package cn.credit.workflow.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/** A .csv batch in UTF-8 (with or without the byte-order mark spreadsheet programs write), read with Commons CSV. */
class CsvRows implements SheetRows {

  @Override
  public void read(InputStream content, Handler handler) throws IOException, UnreadableSheet {
    try (Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(content).get(),
        StandardCharsets.UTF_8); CSVParser parser = CSVFormat.RFC4180.builder().get().parse(reader)) {
      for (CSVRecord record : parser) {
        List<String> cells = new ArrayList<>(record.size());
        record.forEach(cells::add);
        // a line number, not a record number: a quoted cell may span lines, the department's editor counts rows
        handler.row((int) record.getRecordNumber(), cells);
      }
    } catch (UncheckedIOException e) {
      throw new UnreadableSheet(e);
    }
  }
}
