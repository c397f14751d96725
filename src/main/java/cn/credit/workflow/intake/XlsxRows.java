package cn.credit.workflow.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an .xlsx batch, read with POI's streaming (SAX) event API: one row at a time,
 * never the whole workbook in memory. A date cell reads as yyyy-MM-dd, whatever its display format.
 */
class XlsxRows implements SheetRows {

  @Override
  public void read(InputStream content, Handler handler) throws IOException, UnreadableSheet {
    // the package is opened from a file: POI then reads its parts from the zip as needed
    Path file = Files.createTempFile("records-", ".xlsx");
    try {
      Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
      try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
        XSSFReader reader = new XSSFReader(pkg);
        ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
        Iterator<InputStream> sheets = reader.getSheetsData();
        if (!sheets.hasNext()) {
          return;
        }
        try (InputStream sheet = sheets.next()) {
          XMLReader parser = XMLHelper.newXMLReader();
          parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
              new Rows(handler), new IsoDates(), false));
          parser.parse(new InputSource(sheet));
        }
      } catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
        throw new UnreadableSheet(e);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Collects each row's cells by column: the handler skips empty cells, which stay "". */
  private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

    private final Handler handler;
    private final List<String> cells = new ArrayList<>();

    Rows(Handler handler) {
      this.handler = handler;
    }

    @Override
    public void startRow(int rowNum) {
      cells.clear();
    }

    @Override
    public void endRow(int rowNum) {
      handler.row(rowNum + 1, List.copyOf(cells));
    }

    @Override
    public void cell(String reference, String formattedValue, XSSFComment comment) {
      int column = reference == null ? cells.size() : new CellReference(reference).getCol();
      while (cells.size() < column) {
        cells.add("");
      }
      cells.add(formattedValue == null ? "" : formattedValue);
    }
  }

  /** Dates as ISO dates rather than in the cell's display format (m/d/yy and the like); numbers as shown. */
  private static final class IsoDates extends DataFormatter {

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        return DateUtil.getLocalDateTime(value).toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
      }
      return super.formatRawCellContents(value, formatIndex, formatString);
    }
  }
}
