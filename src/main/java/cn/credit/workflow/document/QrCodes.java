package cn.credit.workflow.document;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/** QR codes as PNG data URIs, which the PDF renderer embeds like any image. */
final class QrCodes {

  /** Pixels per module: sharp enough on paper at the printed size, small in the PDF. */
  private static final int MODULE = 8;

  private QrCodes() {}

  static String pngDataUri(String text) {
    try {
      // level M survives a fold or a stain on paper; a 4-module quiet zone as the standard asks
      BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
              EncodeHintType.CHARACTER_SET, "UTF-8"));
      BufferedImage image = new BufferedImage(matrix.getWidth() * MODULE, matrix.getHeight() * MODULE,
          BufferedImage.TYPE_BYTE_BINARY);
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          image.setRGB(x, y, matrix.get(x / MODULE, y / MODULE) ? 0xFF000000 : 0xFFFFFFFF);
        }
      }
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(image, "png", png);
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    } catch (WriterException e) {
      throw new IllegalArgumentException("no QR code for " + text, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
