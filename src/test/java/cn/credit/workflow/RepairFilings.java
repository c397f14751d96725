package cn.credit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.user.AppUserRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Repair cases for the inbox's tests: a new serious ecology record of applicant.a, filed through
 * the portal with a photo as proof (as the applicant's browser does) and signed over the API.
 */
public record RepairFilings(int port, TransactionTemplate tx, RecordService records, AppUserRepository users,
    DepartmentRepository departments) {

  /** A filed and signed case: its number, reference and the proof text. */
  public record Filed(long id, String caseRef, String proof) {}

  public Filed withPhoto(String proof) throws Exception {
    Long recordId = tx.execute(s -> records.publish(new RecordFacts(
        users.findById("applicant.a").orElseThrow().getEntity(), departments.getReferenceById("ecology"),
        RecordType.ADMINISTRATIVE_PENALTY, Severity.SERIOUS, "鲁环罚〔" + System.nanoTime() + "〕号", "超标排放",
        "罚款十万元", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(400), null, Set.of()), "test").getId());
    HttpTestClient applicant = HttpTestClient.signedIn(port, "applicant.a");
    String form = "/portal/records/" + recordId + "/repair";
    HttpResponse<String> filed = applicant.postMultipart(form, form, "整改照片.png", png(), "proof", proof);
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
    Matcher id = Pattern.compile("/portal/repairs/(\\d+)/commitment")
        .matcher(filed.headers().firstValue("Location").orElseThrow());
    assertThat(id.find()).isTrue();
    long caseId = Long.parseLong(id.group(1));
    HttpTestClient api = new HttpTestClient(port);
    HttpResponse<String> signed = api.postJson("/api/repair-requests/" + caseId + "/commitment", "applicant.a",
        "{\"signatoryName\":\"王明德\",\"accepted\":true}");
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
    String caseRef = new ObjectMapper().readTree(api.get("/api/repair-requests/" + caseId, "applicant.a",
        "application/json").body()).get("caseRef").asText();
    return new Filed(caseId, caseRef, proof);
  }

  /** A small real PNG: a grey frame on black. */
  static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
    image.getGraphics().fillRect(10, 10, 140, 100);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
