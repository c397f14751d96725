package cn.credit.workflow.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import cn.credit.workflow.HttpTestClient;
import cn.credit.workflow.RunningAppTest;
import cn.credit.workflow.department.DepartmentRepository;
import cn.credit.workflow.entity.EntityKind;
import cn.credit.workflow.entity.MarketEntity;
import cn.credit.workflow.entity.MarketEntityRepository;
import cn.credit.workflow.entity.Uscc;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.AppUserRepository;
import cn.credit.workflow.user.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An individual business whose operator's personal data is in a record, in the dispute that
 * corrected it, in a repaired record's title and in both letters: no public page shows any of it,
 * while the deciding department's reviewer sees it whole on the case page.
 */
@RunningAppTest
@Tag("database") // also on MySQL/MariaDB in CI: the Chinese texts go through the database there
class PublicMaskingHttpTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static final String OPERATOR = "孙志强";
  static final String CONTACT = "李秀英";
  static final String ID_18 = "370102198506121327";
  static final String ID_15 = "370102850612132";
  static final String MOBILE = "139-0531-2468";
  static final String FIXED = "0531-86012345";
  static final String CARD = "6222 0216 0211 4567 896";
  static final String EMAIL = "sunzhiqiang@163.com";
  /** What must stay visible: another company's USCC and a document number. */
  static final String OTHER_USCC = "91370100MA3C4K5N0R";
  static final String OTHER_DOCUMENT = "济历市监罚〔2026〕45号";

  @LocalServerPort int port;
  @Autowired MarketEntityRepository entities;
  @Autowired AppUserRepository users;
  @Autowired DepartmentRepository departments;
  @Autowired RecordService recordService;
  @Autowired PasswordEncoder passwords;
  @Autowired TransactionTemplate tx;

  @Test
  void noPublicPageShowsTheOperatorsPersonalDataWhileTheReviewerSeesItWhole() throws Exception {
    String tag = "顺达" + ThreadLocalRandom.current().nextInt(10_000, 100_000);
    MarketEntity shop = entity("历下区" + tag + OPERATOR + "修车铺", OPERATOR);
    entity("历下区" + tag + "洗车行", "周丽华");
    String applicant = "applicant.mask" + tag.substring(2);
    users.save(new AppUser(applicant, passwords.encode("demo"), OPERATOR, applicant + "@example.com",
        EnumSet.of(Role.APPLICANT), null, shop));

    String original = "经营者" + OPERATOR + "（身份证号" + ID_18 + "，联系电话" + MOBILE + "）未按规定公示维修项目和收费标准。";
    String corrected = "经营者" + OPERATOR + "（身份证号" + ID_18 + "，原身份证号" + ID_15 + "，手机" + MOBILE + "，固定电话"
        + FIXED + "，开户账号" + CARD + "，电子邮箱" + EMAIL + "，联系人" + CONTACT + "）未按规定公示收费标准；"
        + "系济南明德建材有限公司（" + OTHER_USCC + "）的供应商，另见" + OTHER_DOCUMENT + "。";
    Long disputed = record(shop, "济历市监罚〔2026〕M" + tag.substring(2) + "号", "未公示维修收费标准", original);
    Long repaired = record(shop, "济历市监罚〔2026〕R" + tag.substring(2) + "号", "经营者" + OPERATOR + "未按期公示年度报告",
        "经营者" + OPERATOR + "（电子邮箱" + EMAIL + "）逾期未公示年度报告。");

    HttpTestClient api = new HttpTestClient(port);
    JsonNode dispute = correctedByDispute(api, applicant, disputed, corrected);
    JsonNode repair = grantedRepair(api, applicant, repaired);

    HttpTestClient anonymous = new HttpTestClient(port);
    String search = page(anonymous, "/public?q=" + URLEncoder.encode(tag, StandardCharsets.UTF_8));
    assertThat(search).as("both entities listed, the operator's name masked in the shop's name")
        .contains(tag + "孙**修车铺").contains(tag + "洗车行").contains(shop.getUscc());
    String entityPage = page(anonymous, "/public/entities/" + shop.getUscc());
    assertThat(entityPage).contains("孙**").contains("联系人李**").contains("更正为")
        .contains(OTHER_USCC).contains(OTHER_DOCUMENT).contains(dispute.get("caseRef").asText())
        .contains(repair.get("caseRef").asText());
    String english = page(new HttpTestClient(port), "/public/entities/" + shop.getUscc() + "?lang=en");
    String reply = page(anonymous, "/public/verify?code=" + dispute.get("letterCode").asText());
    assertThat(reply).contains("该文书真实有效").contains("异议成立").contains("孙**");
    String decision = page(anonymous, "/public/verify?code=" + repair.get("letterCode").asText());
    assertThat(decision).contains("该文书真实有效").contains("准予信用修复").contains("经营者孙**未按期公示年度报告");

    for (Map.Entry<String, String> p : Map.of("search", search, "entity", entityPage, "entity (en)", english,
        "dispute reply", reply, "repair decision", decision).entrySet()) {
      assertThat(p.getValue()).as(p.getKey()).doesNotContain(personalData());
    }

    HttpTestClient reviewer = new HttpTestClient(port);
    reviewer.signIn("reviewer.market");
    String casePage = page(reviewer, "/cases/" + dispute.get("caseRef").asText());
    assertThat(casePage).as("staff entitled to the case see the text whole")
        .contains(OPERATOR, CONTACT, ID_18, ID_15, MOBILE, FIXED, CARD, EMAIL);
    assertThat(page(reviewer, "/cases/" + repair.get("caseRef").asText())).contains("经营者" + OPERATOR + "未按期公示年度报告");
  }

  /** Every form in which the personal data could show: as typed, and as digits only. */
  private static String[] personalData() {
    List<String> all = new ArrayList<>(List.of(OPERATOR, CONTACT, ID_18, ID_15, MOBILE, FIXED, CARD, EMAIL));
    for (String number : List.of(MOBILE, FIXED, CARD)) {
      all.add(number.replaceAll("\\D", ""));
    }
    return all.toArray(String[]::new);
  }

  private JsonNode correctedByDispute(HttpTestClient api, String applicant, Long recordId, String corrected)
      throws Exception {
    long id = json(api.postJson("/api/disputes", applicant, "{\"recordId\":" + recordId
        + ",\"ground\":\"WRONG_CONTENT\",\"facts\":\"收费标准已公示，联系电话" + MOBILE + "\"}"), 201).get("id").asLong();
    json(api.postJson("/api/disputes/" + id + "/commitment", applicant,
        "{\"signatoryName\":\"" + OPERATOR + "\",\"accepted\":true}"), 201);
    complete(api, "reviewer.credit-office", id, "TriageDispute", "{\"triageOutcome\":\"forward\"}");
    complete(api, "reviewer.market", id, "VerifyDispute", JSON.createObjectNode().put("outcome", "correct")
        .put("reasons", "经向当事人" + OPERATOR + "核实，内容部分有误").put("correctedContent", corrected).toString());
    return api.awaitJson("/api/disputes/" + id, applicant, v -> v.get("state").asText().equals("REPLIED"));
  }

  private JsonNode grantedRepair(HttpTestClient api, String applicant, Long recordId) throws Exception {
    long id = json(api.postJson("/api/repair-requests", applicant, "{\"recordId\":" + recordId
        + ",\"proof\":\"已补报年度报告\"}"), 201).get("id").asLong();
    json(api.postJson("/api/repair-requests/" + id + "/commitment", applicant,
        "{\"signatoryName\":\"" + OPERATOR + "\",\"accepted\":true}"), 201);
    complete(api, "reviewer.market", id, "AcceptRequest", "{\"acceptOutcome\":\"accept\"}");
    complete(api, "reviewer.market", id, "VerifyAndDecide", "{\"decision\":\"grant\",\"decisionReasons\":\"已补报\"}");
    return api.awaitJson("/api/repair-requests/" + id, applicant, v -> !v.get("letterCode").isNull());
  }

  private MarketEntity entity(String name, String operator) {
    String first17 = "92370102MA" + randomUsccCharacters(7);
    return entities.save(new MarketEntity(first17 + Uscc.checkCharacter(first17), name, EntityKind.INDIVIDUAL_BUSINESS,
        operator));
  }

  private static String randomUsccCharacters(int count) {
    String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    StringBuilder chars = new StringBuilder();
    for (int i = 0; i < count; i++) {
      chars.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
    }
    return chars.toString();
  }

  private Long record(MarketEntity shop, String number, String title, String content) {
    return tx.execute(s -> recordService.publish(new RecordFacts(shop, departments.getReferenceById("market"),
        RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, number, title, content,
        LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(200), null, Set.of()), "test").getId());
  }

  private void complete(HttpTestClient api, String user, long caseId, String step, String body) throws Exception {
    String task = api.awaitTask(user, caseId, step).get("id").asText();
    json(api.postJson("/api/tasks/" + task + "/complete", user, body), 200);
  }

  private static String page(HttpTestClient client, String path) throws Exception {
    HttpResponse<String> response = client.get(path, null, "text/html");
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
