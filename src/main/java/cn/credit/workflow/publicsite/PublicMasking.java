package cn.credit.workflow.publicsite;

import cn.credit.workflow.commitment.CommitmentService;
import cn.credit.workflow.entity.Entities;
import cn.credit.workflow.entity.MarketEntity;
import cn.credit.workflow.entity.Uscc;
import cn.hutool.core.util.DesensitizedUtil;
import cn.hutool.core.util.IdcardUtil;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one masking step for every text shown without sign-in (the public pages and letter
 * verification): ID numbers, mobile and fixed phones, bank cards, e-mail addresses and natural
 * persons' names are found by the rules here and masked by Hutool's {@link DesensitizedUtil}.
 * USCCs, document numbers, dates and amounts stay. Staff and the entity itself see texts whole, so
 * this applies at the public controllers, never in the entities.
 */
@Component
public class PublicMasking {

  private static final String NOT_ALNUM_BEFORE = "(?<![0-9A-Za-z])";
  private static final String NOT_ALNUM_AFTER = "(?![0-9A-Za-z])";
  private static final String BIRTH_MONTH_DAY = "(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])";

  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

  /** Region, birth date (18xx to 20xx), sequence, check character; not inside a longer code such as a USCC. */
  private static final Pattern ID_18 = Pattern.compile(NOT_ALNUM_BEFORE + "[1-9]\\d{5}(?:18|19|20)\\d{2}"
      + BIRTH_MONTH_DAY + "\\d{3}[0-9Xx]" + NOT_ALNUM_AFTER);

  /** The old 15-digit number: region, birth date with a two-digit year, sequence. */
  private static final Pattern ID_15 = Pattern.compile(NOT_ALNUM_BEFORE + "[1-9]\\d{7}" + BIRTH_MONTH_DAY + "\\d{3}"
      + NOT_ALNUM_AFTER);

  /** 16 to 19 digits in one run, or in groups of four separated by a space or a dash. */
  private static final Pattern BANK_CARD = Pattern.compile(NOT_ALNUM_BEFORE
      + "(?:\\d{16,19}|\\d{4}(?:[ -]\\d{4}){3}(?:[ -]?\\d{1,3})?)" + NOT_ALNUM_AFTER);

  /** 1[3-9]x and eight more digits, as 3-4-4 groups; group 1 an optional +86, group 2 the number. */
  private static final Pattern MOBILE = Pattern.compile("(?<!\\d)((?:\\+|00)?86[ -]?)?"
      + "(1[3-9]\\d(?:[ -]?\\d{4}){2})(?!\\d)");

  /** An area code (0 and 2–3 digits, maybe in brackets) and a 7–8 digit local number starting 2–9, maybe an extension. */
  private static final Pattern FIXED_PHONE = Pattern.compile(NOT_ALNUM_BEFORE + "(?:[(（]0\\d{2,3}[)）] ?|0\\d{2,3}[ -]?)"
      + "[2-9]\\d{6,7}(?:-\\d{1,4})?(?!\\d)");

  /**
   * Common surnames: a name after a cue word must start with one, so 当事人对… or 负责人员 is no name.
   * Surnames that are also common words right after a cue (于, 向, 和, 应, 全…) are left out.
   */
  private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜"
      + "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武"
      + "戴莫孔汤温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹欧耿兰焦俞左柳甘祝宁符舒阮柯纪梅童凌毕季裴霍涂苗谷"
      + "盛曲翁冉骆蓝路辛靳柴蒙鲍喻祁蒲房滕屈饶牟艾尤穆农卓吉缪简项连芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂佟臧闵"
      + "苟邬边卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池麻苑迟邝";
  private static final String COMPOUND_SURNAMES = "欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐|轩辕|端木|独孤|南宫|西门";
  /** Characters that end a name rather than belong to it: 张三于…, 李四的…. */
  private static final String NOT_IN_NAME = "于在因未等的以已将与和及系是为从对被经向应所称均曾即并且也又再就都把让给该其此";
  /** Group 1 the cue word, group 2 the name: a surname and one or two characters. */
  private static final Pattern NAME_AFTER_CUE = Pattern.compile(
      "((?:经营者|姓名|法定代表人|法人代表|负责人|当事人|联系人|投资人|业主|签署人|承诺人|代理人)[)）]?[:：]?\\s*(?:为|是)?)"
          + "((?:" + COMPOUND_SURNAMES + "|[" + SURNAMES + "])(?:(?![" + NOT_IN_NAME + "])\\p{IsHan}){1,2})");

  private final Entities entities;
  private final CommitmentService commitments;

  PublicMasking(Entities entities, CommitmentService commitments) {
    this.entities = entities;
    this.commitments = commitments;
  }

  /**
   * The texts of one entity. Besides the rules, the names known to be natural persons' are masked
   * wherever they occur: the operator of an individual business and whoever signed its commitments.
   */
  @Transactional(readOnly = true)
  public Texts of(MarketEntity entity) {
    return ofAll(List.of(entity)).get(entity.getId());
  }

  /** The texts of each of the entities (a search's results), by entity id, with one query for all. */
  @Transactional(readOnly = true)
  public Map<Long, Texts> ofAll(List<MarketEntity> found) {
    Map<Long, List<String>> signatories = commitments.signatoriesOf(found.stream().map(MarketEntity::getId).toList());
    Map<Long, Texts> texts = new HashMap<>();
    for (MarketEntity entity : found) {
      List<String> names = new ArrayList<>(signatories.getOrDefault(entity.getId(), List.of()));
      if (entity.getKind().isNaturalPerson() && entity.getLegalRepresentative() != null) {
        names.add(entity.getLegalRepresentative());
      }
      texts.put(entity.getId(), new Texts(names));
    }
    return texts;
  }

  /** The texts of the entity with this USCC (a letter names its entity by USCC); the rules alone if none. */
  @Transactional(readOnly = true)
  public Texts of(String uscc) {
    return entities.findByUscc(uscc).map(this::of).orElseGet(() -> new Texts(List.of()));
  }

  /** Masks texts about one entity; null stays null. */
  public static final class Texts {

    private final List<String> knownNames;

    Texts(List<String> names) {
      // the longest first, so that 欧阳娜娜 is masked whole before a shorter name inside it
      this.knownNames = names.stream().filter(n -> n != null && n.strip().length() >= 2).map(String::strip).distinct()
          .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** A natural person's name, as on a signature: 张建国 → 张**. */
    public String person(String name) {
      return name == null || name.isBlank() ? name : DesensitizedUtil.chineseName(name.strip());
    }

    /** Free text with every piece of personal data the rules find masked. */
    public String text(String text) {
      if (text == null || text.isEmpty()) {
        return text;
      }
      // e-mails first (a mobile can be the local part), then the long numbers before the shorter ones
      String masked = replace(text, EMAIL, m -> DesensitizedUtil.email(m.group()));
      masked = replace(masked, ID_18, m -> isUscc(m.group()) && !IdcardUtil.isValidCard18(m.group()) ? m.group()
          : DesensitizedUtil.idCardNum(m.group(), 1, 2));
      masked = replace(masked, ID_15, m -> DesensitizedUtil.idCardNum(m.group(), 1, 2));
      masked = replace(masked, BANK_CARD, m -> {
        String digits = digits(m.group());
        return isUscc(digits) && !passesLuhn(digits) ? m.group() : DesensitizedUtil.bankCard(digits);
      });
      masked = replace(masked, MOBILE, m -> (m.group(1) == null ? "" : m.group(1))
          + DesensitizedUtil.mobilePhone(digits(m.group(2))));
      masked = replace(masked, FIXED_PHONE, m -> DesensitizedUtil.fixedPhone(digits(m.group())));
      for (String name : knownNames) {
        masked = masked.replace(name, person(name));
      }
      return replace(masked, NAME_AFTER_CUE, m -> m.group(1) + person(m.group(2)));
    }
  }

  private static String replace(String text, Pattern pattern, Function<MatchResult, String> mask) {
    return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(mask.apply(m)));
  }

  private static String digits(String text) {
    return text.replaceAll("\\D", "");
  }

  /**
   * An 18-character run that is a valid USCC is a company's code, public by law, and stays unless it
   * also passes the check of an ID or a card number: then it is masked, as a number shown by mistake
   * weighs more than a code masked by mistake.
   */
  private static boolean isUscc(String candidate) {
    return Uscc.isValid(candidate.toUpperCase(Locale.ROOT));
  }

  private static boolean passesLuhn(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
    }
    return sum % 10 == 0;
  }
}
