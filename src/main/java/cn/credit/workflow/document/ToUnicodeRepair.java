package cn.credit.workflow.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Makes the text of a PDF read as it was written. Noto CJK draws an ideograph and its radical with one
 * glyph (用 U+7528 and ⽤ U+2F64); PDFBox's embedder writes the lowest code point of a glyph into the
 * font's ToUnicode map, so copied or searched text would come out as radicals. This maps each such
 * glyph back to its ideograph, from the font's own cmap (PDFBox keeps the font's glyph ids as the
 * codes of a subsetted font).
 */
final class ToUnicodeRepair {

  /** Kangxi radicals and the CJK radicals supplement: never what a letter means to say. */
  private static final int RADICALS_FROM = 0x2E80;
  private static final int RADICALS_TO = 0x2FDF;

  /** Per font (PostScript name): glyph id → the ideograph it draws, for the glyphs radicals share. */
  private final Map<String, Map<Integer, Integer>> ideographs = new HashMap<>();

  /** Reads the font's cmap once; the 15 MB font is not kept. */
  void learn(InputStream ttfFile) throws IOException {
    try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(ttfFile))) {
      CmapLookup cmap = ttf.getUnicodeCmapLookup();
      Map<Integer, Integer> byGlyph = new HashMap<>();
      for (int radical = RADICALS_FROM; radical <= RADICALS_TO; radical++) {
        int gid = cmap.getGlyphId(radical);
        List<Integer> codes = gid == 0 ? null : cmap.getCharCodes(gid);
        if (codes != null) {
          codes.stream().filter(c -> !isRadical(c)).findFirst().ifPresent(ideograph -> byGlyph.put(gid, ideograph));
        }
      }
      ideographs.put(ttf.getName(), byGlyph);
    }
  }

  byte[] repaired(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      boolean changed = false;
      for (PDPage page : document.getPages()) {
        PDResources resources = page.getResources();
        for (COSName name : resources.getFontNames()) {
          if (resources.getFont(name) instanceof PDType0Font font) {
            changed |= repair(document, font);
          }
        }
      }
      if (!changed) {
        return pdf;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
      document.save(out);
      return out.toByteArray();
    }
  }

  private boolean repair(PDDocument document, PDType0Font font) throws IOException {
    String name = font.getName() == null ? "" : font.getName().replaceFirst("^[A-Z]{6}\\+", "");
    Map<Integer, Integer> byGlyph = ideographs.get(name);
    if (byGlyph == null) {
      return false;
    }
    if (!(font.getCOSObject().getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream written)) {
      return false;
    }
    // the map as written (the font's toUnicode would also answer for codes the document never uses)
    CMap toUnicode;
    try (RandomAccessRead read = written.createView()) {
      toUnicode = new CMapParser().parse(read);
    }
    Map<Integer, String> unicode = new TreeMap<>();
    boolean radicals = false;
    for (int code = 0; code <= 0xFFFF; code++) {
      String text = toUnicode.toUnicode(code);
      if (text == null) {
        continue;
      }
      if (text.codePointCount(0, text.length()) == 1 && isRadical(text.codePointAt(0))
          && byGlyph.containsKey(code)) {
        text = Character.toString(byGlyph.get(code));
        radicals = true;
      }
      unicode.put(code, text);
    }
    if (radicals) {
      font.getCOSObject().setItem(COSName.TO_UNICODE, new PDStream(document,
          new ByteArrayInputStream(cmap(unicode).getBytes(StandardCharsets.US_ASCII)), COSName.FLATE_DECODE));
    }
    return radicals;
  }

  /** A ToUnicode CMap (two-byte codes, Identity-H as openhtmltopdf writes them), entries one by one. */
  private static String cmap(Map<Integer, String> unicode) {
    StringBuilder cmap = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        + "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    List<Map.Entry<Integer, String>> entries = List.copyOf(unicode.entrySet());
    // at most 100 entries to a block, as the CMap format asks
    for (int from = 0; from < entries.size(); from += 100) {
      List<Map.Entry<Integer, String>> block = entries.subList(from, Math.min(from + 100, entries.size()));
      cmap.append(block.size()).append(" beginbfchar\n");
      for (Map.Entry<Integer, String> entry : block) {
        cmap.append(String.format("<%04X> <", entry.getKey()));
        for (char c : entry.getValue().toCharArray()) {
          cmap.append(String.format("%04X", (int) c));
        }
        cmap.append(">\n");
      }
      cmap.append("endbfchar\n");
    }
    return cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").toString();
  }

  private static boolean isRadical(int codePoint) {
    return codePoint >= RADICALS_FROM && codePoint <= RADICALS_TO;
  }
}
