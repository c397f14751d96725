package cn.credit.workflow.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The rows of a department's batch as text cells, read one by one, never the whole sheet at once. */
interface SheetRows {

  /** One row: its number as the department sees it (the header is row 1) and its cells, "" for an empty one. */
  interface Handler {
    void row(int number, List<String> cells);
  }

  void read(InputStream content, Handler handler) throws IOException, UnreadableSheet;

  /** The file is not what its name says, or broken. */
  class UnreadableSheet extends Exception {
    UnreadableSheet(Throwable cause) {
      super(cause);
    }
  }
}
