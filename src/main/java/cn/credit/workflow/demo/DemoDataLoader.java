package cn.credit.workflow.demo;

import cn.credit.workflow.department.Department;
import cn.credit.workflow.department.DepartmentKind;
import cn.credit.workflow.department.Departments;
import cn.credit.workflow.entity.Entities;
import cn.credit.workflow.entity.EntityKind;
import cn.credit.workflow.entity.MarketEntity;
import cn.credit.workflow.record.DishonestyRecord;
import cn.credit.workflow.record.JointMeasures;
import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.record.RecordFacts;
import cn.credit.workflow.record.RecordService;
import cn.credit.workflow.record.RecordType;
import cn.credit.workflow.record.Severity;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.Role;
import cn.credit.workflow.user.Users;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo departments, users, entities and records once per database. Record dates are
 * relative to the day of loading, so each demo applicant has records it may repair today and
 * records it may not yet. A marker row makes "once" hold even when several nodes start together.
 */
@Service
class DemoDataLoader {

  static final String MARKER = "demo-data";
  static final String PASSWORD = "demo";
  private static final String LOADER = "demo-data";
  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

  private final JdbcTemplate jdbc;
  private final Departments departments;
  private final Entities entities;
  private final Users users;
  private final RecordService records;
  private final JointMeasures measures;
  private final PasswordEncoder passwordEncoder;
  private final Clock clock;

  DemoDataLoader(JdbcTemplate jdbc, Departments departments, Entities entities,
      Users users, RecordService records, JointMeasures measures, PasswordEncoder passwordEncoder, Clock clock) {
    this.measures = measures;
    this.jdbc = jdbc;
    this.departments = departments;
    this.entities = entities;
    this.users = users;
    this.records = records;
    this.passwordEncoder = passwordEncoder;
    this.clock = clock;
  }

  /** Returns true when this call loaded the data, false when it was there already. */
  @Transactional
  public boolean loadOnce() {
    Integer loaded = jdbc.queryForObject("select count(*) from app_marker where name = ?", Integer.class, MARKER);
    if (loaded != null && loaded > 0) {
      return false;
    }
    try {
      // a second node starting at the same moment waits on this row, then fails here and skips
      jdbc.update("insert into app_marker (name, created_at) values (?, ?)", MARKER, Timestamp.from(clock.instant()));
    } catch (DuplicateKeyException alreadyLoading) {
      return false;
    }
    Map<String, Department> byCode = loadDepartments();
    Map<String, MarketEntity> byName = loadEntities();
    loadUsers(byCode, byName);
    loadMeasures();
    loadRecords(byCode, byName, LocalDate.now(clock));
    log.info("Demo data loaded: {} departments, {} entities, {} users; every demo password is '{}'",
        byCode.size(), byName.size(), users.count(), PASSWORD);
    return true;
  }

  private Map<String, Department> loadDepartments() {
    Department[] all = {
        new Department("credit-office", "市社会信用体系建设办公室", "City Credit Office", DepartmentKind.CREDIT_OFFICE, 0),
        new Department("market", "市市场监督管理局", "Market Regulation Bureau", DepartmentKind.DECIDING, 10),
        new Department("ecology", "市生态环境局", "Ecology and Environment Bureau", DepartmentKind.DECIDING, 20),
        new Department("tax", "市税务局", "Tax Bureau", DepartmentKind.DECIDING, 30),
        new Department("housing", "市住房和城乡建设局", "Housing and Urban-Rural Development Bureau",
            DepartmentKind.DECIDING, 40),
        new Department("safety", "市应急管理局", "Emergency Management Bureau", DepartmentKind.DECIDING, 50),
        new Department("hrss", "市人力资源和社会保障局", "Human Resources and Social Security Bureau",
            DepartmentKind.DECIDING, 60)};
    return departments.saveAll(Arrays.asList(all)).stream()
        .collect(Collectors.toMap(Department::getCode, d -> d, (a, b) -> a, LinkedHashMap::new));
  }

  /** The joint-punishment measures of the demo departments (联合惩戒措施), by the type of record they follow. */
  private void loadMeasures() {
    RecordType penalty = RecordType.ADMINISTRATIVE_PENALTY;
    RecordType list = RecordType.SERIOUS_DISHONESTY_LIST;
    String[][] all = {
        {"market", penalty.name(), "列为重点监管对象，提高“双随机”抽查比例和频次", "Closer supervision: more frequent random inspections"},
        {"market", penalty.name(), "限制参加市级质量奖、守信企业等评优评先", "Barred from municipal quality awards and creditworthy-enterprise honours"},
        {"market", list.name(), "限制其法定代表人担任其他企业的法定代表人、董事、监事、高级管理人员",
            "Its legal representative may not serve as another company's legal representative, director, supervisor or senior manager"},
        {"market", list.name(), "在市场准入、行政许可中从严审核", "Stricter review of market access and administrative licences"},
        {"tax", penalty.name(), "纳税信用评价不得评为A级", "Not rated grade A in the tax credit evaluation"},
        {"tax", penalty.name(), "增值税专用发票领用实行严格限量供应", "VAT special invoices issued in strictly limited numbers"},
        {"tax", list.name(), "提高纳税检查频次，暂停出口退税便利措施", "More frequent tax inspections; export rebate facilitation suspended"},
        {"housing", penalty.name(), "在招标投标评标中作为扣分因素", "Points deducted in the evaluation of its tenders"},
        {"housing", penalty.name(), "限制参评优质工程奖等评优评先", "Barred from quality-project awards"},
        {"housing", list.name(), "限制新申请建筑业企业资质及资质升级、增项", "No new, upgraded or added construction qualifications"},
        {"ecology", penalty.name(), "环境信用评价降级，列为重点排污监管对象", "Environmental credit rating lowered; closer supervision of its discharges"},
        {"ecology", penalty.name(), "限制申请生态环境专项资金", "Barred from environmental subsidies"},
        {"safety", penalty.name(), "增加安全生产执法检查频次", "More frequent work-safety inspections"},
        {"hrss", penalty.name(), "限制参加劳动保障守法诚信等级评价中的A级评定", "Not rated grade A in the labour-law compliance rating"}};
    int order = 0;
    for (String[] m : all) {
      measures.define(m[0], RecordType.valueOf(m[1]), m[2], m[3], order += 10);
    }
  }

  private Map<String, MarketEntity> loadEntities() {
    MarketEntity[] all = {
        new MarketEntity("91370100MA3C4K5N0R", "济南明德建材有限公司", EntityKind.ENTERPRISE, "王明德"),
        new MarketEntity("91370102MA3PB8QW1Y", "济南惠民餐饮管理有限公司", EntityKind.ENTERPRISE, "李惠民"),
        new MarketEntity("92370102MA3N7GYB2P", "历下区张记小吃店", EntityKind.INDIVIDUAL_BUSINESS, "张建国"),
        new MarketEntity("91370112MA3F9T2K3C", "济南恒泰安全工程有限公司", EntityKind.ENTERPRISE, "赵恒泰")};
    return entities.saveAll(Arrays.asList(all)).stream()
        .collect(Collectors.toMap(MarketEntity::getName, e -> e, (a, b) -> a, LinkedHashMap::new));
  }

  private void loadUsers(Map<String, Department> byCode, Map<String, MarketEntity> byName) {
    String hash = passwordEncoder.encode(PASSWORD);
    users.save(user("admin", hash, "系统管理员", EnumSet.of(Role.ADMIN), null, null));
    users.save(user("applicant.a", hash, "王明德（济南明德建材有限公司）", EnumSet.of(Role.APPLICANT), null,
        byName.get("济南明德建材有限公司")));
    users.save(user("applicant.b", hash, "李惠民（济南惠民餐饮管理有限公司）", EnumSet.of(Role.APPLICANT), null,
        byName.get("济南惠民餐饮管理有限公司")));
    for (Department department : byCode.values()) {
      users.save(user("reviewer." + department.getCode(), hash, department.getNameZh() + "经办人",
          EnumSet.of(Role.REVIEWER), department, null));
      users.save(user("leader." + department.getCode(), hash, department.getNameZh() + "分管领导",
          EnumSet.of(Role.LEADER), department, null));
    }
    users.save(user("leader.city", hash, "市分管领导", EnumSet.of(Role.CITY_LEADER), null, null));
  }

  private static AppUser user(String username, String hash, String name, Set<Role> roles, Department department,
      MarketEntity entity) {
    return new AppUser(username, hash, name, username + "@example.com", roles, department, entity);
  }

  private void loadRecords(Map<String, Department> d, Map<String, MarketEntity> e, LocalDate today) {
    MarketEntity mingde = e.get("济南明德建材有限公司");
    publish(mingde, d.get("market"), RecordType.ADMINISTRATIVE_PENALTY, Severity.SERIOUS, "济市监处罚〔2025〕101号",
        "销售不合格建材产品", "销售不符合国家标准的水泥制品，货值金额较大，处罚款人民币八十万元并没收违法所得。",
        today.minusDays(400), null, Set.of(d.get("tax"), d.get("housing"), d.get("ecology")));
    publish(mingde, d.get("ecology"), RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, "济环罚字〔2026〕23号",
        "未批先建", "搅拌站扩建项目未依法报批环境影响评价文件即开工建设，处罚款人民币十五万元。",
        today.minusDays(150), null, Set.of());
    publish(mingde, d.get("tax"), RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, "济税稽罚〔2026〕58号",
        "少缴税款", "少申报缴纳增值税，处少缴税款百分之五十的罚款，计人民币十二万元。",
        today.minusDays(40), null, Set.of());
    // minor records are in principle not published (令 36 art. 12): this one is marked necessary, 惠民's is not
    records.publish(new RecordFacts(mingde, d.get("safety"), RecordType.ADMINISTRATIVE_PENALTY, Severity.MINOR,
        "济应急罚〔2026〕7号", "安全培训记录不全", "未如实记录安全生产教育和培训情况，予以警告并处罚款人民币三千元。",
        today.minusDays(10), null, Set.of()).necessaryToPublish("一年内第三次未如实记录安全生产教育和培训情况"), LOADER);
    publish(mingde, d.get("housing"), RecordType.SERIOUS_DISHONESTY_LIST, Severity.SERIOUS, "济建信〔2026〕12号",
        "列入建筑市场严重失信主体名单", "因提供虚假资质材料承揽工程，列入建筑市场主体严重失信名单。",
        today.minusDays(120), null, Set.of(d.get("market"), d.get("tax")));
    var expired = publish(mingde, d.get("hrss"), RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL,
        "济人社监罚〔2025〕5号", "未按规定缴纳社会保险费", "逾期仍未足额缴纳社会保险费，处欠缴数额二倍的罚款。",
        today.minusDays(420), null, Set.of());

    MarketEntity huimin = e.get("济南惠民餐饮管理有限公司");
    publish(huimin, d.get("safety"), RecordType.ADMINISTRATIVE_PENALTY, Severity.SERIOUS, "济应急罚〔2025〕31号",
        "责令停产停业整顿", "燃气使用场所存在重大事故隐患拒不整改，责令停产停业整顿并处罚款人民币五十万元。",
        today.minusDays(500), null, Set.of(d.get("market"), d.get("housing")));
    publish(huimin, d.get("hrss"), RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, "济人社监罚〔2026〕19号",
        "拖欠劳动者工资", "拖欠12名劳动者工资，经责令限期支付逾期未支付，处罚款人民币八万元。",
        today.minusDays(200), null, Set.of());
    publish(huimin, d.get("market"), RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, "济市监处罚〔2026〕77号",
        "暂扣食品经营许可证", "使用超过保质期的食品原料，暂扣食品经营许可证四个月并处罚款人民币五万元。",
        today.minusDays(100), today.plusDays(20), Set.of());
    publish(huimin, d.get("tax"), RecordType.ADMINISTRATIVE_PENALTY, Severity.MINOR, "济税简罚〔2026〕402号",
        "逾期申报", "未按照规定期限办理纳税申报，适用简易程序处罚款人民币五百元。",
        today.minusDays(20), null, Set.of());
    publish(huimin, d.get("ecology"), RecordType.ADMINISTRATIVE_PENALTY, Severity.SERIOUS, "济环罚字〔2026〕9号",
        "油烟超标排放且拒不改正", "油烟净化设施未正常运行，责令改正拒不改正，按日连续处罚共计人民币一百二十万元。",
        today.minusDays(200), null, Set.of(d.get("market")));

    MarketEntity zhangji = e.get("历下区张记小吃店");
    publish(zhangji, d.get("market"), RecordType.ADMINISTRATIVE_PENALTY, Severity.GENERAL, "济历市监罚〔2026〕44号",
        "无健康证明从事食品经营", "经营者张建国（身份证号370102198003154321）未取得健康证明从事接触直接入口食品的工作。",
        today.minusDays(100), null, Set.of());

    MarketEntity hengtai = e.get("济南恒泰安全工程有限公司");
    publish(hengtai, d.get("market"), RecordType.ABNORMAL_OPERATION, Severity.GENERAL, "济市监异〔2026〕301号",
        "列入经营异常名录", "未按规定期限公示年度报告，列入经营异常名录。", today.minusDays(90), null, Set.of());
    publish(hengtai, d.get("safety"), RecordType.ADMINISTRATIVE_PENALTY, Severity.SERIOUS, "济应急罚〔2024〕88号",
        "出具虚假安全评价报告", "出具虚假安全评价报告，吊销资质证书并处罚款人民币一百万元。",
        today.minusDays(800), null, Set.of(d.get("housing")));

    records.expireRecordsDueBy(today);
    if (expired.getState() != PublicationState.EXPIRED) {
      throw new IllegalStateException("demo record " + expired.getDecisionNumber() + " should have expired");
    }
  }

  private DishonestyRecord publish(MarketEntity entity, Department department,
      RecordType type, Severity severity, String number, String title, String content, LocalDate decided,
      LocalDate termEnd, Set<Department> members) {
    return records.publish(new RecordFacts(entity, department, type, severity, number, title, content, decided,
        termEnd, members), LOADER);
  }
}
