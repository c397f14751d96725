package cn.credit.workflow.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per account and per address in the database, so that every node sees
 * the same counts and a lock holds on all of them. See {@link SignInProperties} for the rules.
 */
@Service
public class SignInThrottle {

  static final String USER = "user:";
  static final String ADDRESS = "ip:";
  /** No user name is longer (app_user.username); what a person types beyond it counts under its first part. */
  private static final int LONGEST_NAME = 64;

  private final JdbcTemplate jdbc;
  private final SignInProperties rules;
  private final Clock clock;

  SignInThrottle(JdbcTemplate jdbc, SignInProperties rules, Clock clock) {
    this.jdbc = jdbc;
    this.rules = rules;
    this.clock = clock;
  }

  /** Why an attempt is refused before its password is looked at, and until when. */
  public record Refusal(boolean locked, Instant retryAt) {
    public long seconds(Instant now) {
      return Math.max(1, Duration.between(now, retryAt).toSeconds() + 1);
    }
  }

  /** A row of the throttle: what an administrator sees and unlocks. */
  public record Entry(String key, int failures, Instant lastFailure, Instant lockedUntil) {
    public boolean isAccount() {
      return key.startsWith(USER);
    }

    public String subject() {
      return key.substring(key.indexOf(':') + 1);
    }
  }

  /** What happened to an attempt that failed: whether it locked the account or the address now, and until when. */
  public record Failure(boolean accountLocked, boolean addressLocked, Instant lockedUntil) {
    public Optional<Refusal> lock() {
      return accountLocked || addressLocked ? Optional.of(new Refusal(true, lockedUntil)) : Optional.empty();
    }
  }

  /** Before a password is checked: a refusal, or go on; and whether the account has failures to forget. */
  public record Verdict(Optional<Refusal> refusal, boolean accountHasFailures) {}

  @Transactional(readOnly = true)
  public Verdict check(String username, String address) {
    Instant now = clock.instant();
    Optional<Entry> account = entry(accountKey(username));
    Optional<Refusal> refusal = refusal(account, rules.freeFailures(), rules.lockAfter(), now)
        .or(() -> refusal(entry(ADDRESS + String.valueOf(address)), rules.addressFreeFailures(), rules.addressLockAfter(),
            now));
    return new Verdict(refusal, account.isPresent());
  }

  /** A wrong password, or an attempt refused unchecked: counted for the account and the address. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public Failure failed(String username, String address) {
    Instant now = clock.instant();
    boolean account = count(accountKey(username), rules.lockAfter(), now);
    boolean fromAddress = count(ADDRESS + String.valueOf(address), rules.addressLockAfter(), now);
    return new Failure(account, fromAddress, now.plus(rules.lockDuration()));
  }

  /** The right password: the account's count starts again (the address's does not, it only decays). */
  public void succeeded(String username) {
    jdbc.update("delete from sign_in_throttle where throttle_key = ?", accountKey(username));
  }

  @Transactional
  public boolean unlock(String key) {
    return jdbc.update("delete from sign_in_throttle where throttle_key = ?", key) > 0;
  }

  public static String accountKey(String username) {
    return USER + (username.length() > LONGEST_NAME ? username.substring(0, LONGEST_NAME) : username);
  }

  /** Accounts and addresses locked now, or waiting out a delay. */
  @Transactional(readOnly = true)
  public List<Entry> current() {
    Timestamp since = Timestamp.from(clock.instant().minus(rules.window()));
    return jdbc.query("select throttle_key, failures, last_failure, locked_until from sign_in_throttle"
        + " where last_failure >= ? or locked_until >= ? order by last_failure desc", (rs, i) -> new Entry(
            rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
            rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()), since, Timestamp.from(clock.instant()));
  }

  private Optional<Refusal> refusal(Optional<Entry> entry, int freeFailures, int lockAfter, Instant now) {
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    Entry e = entry.get();
    if (e.lockedUntil() != null && now.isBefore(e.lockedUntil())) {
      return Optional.of(new Refusal(true, e.lockedUntil()));
    }
    if (stale(e, now) || e.failures() < freeFailures || e.failures() >= lockAfter) {
      return Optional.empty(); // an expired lock leaves its count behind: the next failure starts anew
    }
    Instant retryAt = e.lastFailure().plus(delay(e.failures() - freeFailures));
    return now.isBefore(retryAt) ? Optional.of(new Refusal(false, retryAt)) : Optional.empty();
  }

  /** The wait after {@code beyond} failures more than the free ones: the first delay, doubling. */
  Duration delay(int beyond) {
    int doublings = Math.min(30, beyond);
    Duration delay = rules.firstDelay().multipliedBy(1L << doublings);
    return delay.compareTo(rules.maxDelay()) > 0 ? rules.maxDelay() : delay;
  }

  private boolean stale(Entry e, Instant now) {
    boolean lockOver = e.lockedUntil() != null && !now.isBefore(e.lockedUntil());
    return lockOver || e.lastFailure().plus(rules.window()).isBefore(now);
  }

  /** Adds one failure; true when this one locks. Two nodes counting at once both land (insert, else update). */
  private boolean count(String key, int lockAfter, Instant now) {
    Optional<Entry> entry = entry(key);
    int failures = entry.filter(e -> !stale(e, now)).map(e -> e.failures() + 1).orElse(1);
    boolean locks = failures >= lockAfter && entry.map(e -> e.lockedUntil() == null || stale(e, now)).orElse(true);
    Timestamp lockedUntil = failures >= lockAfter
        ? Timestamp.from(locks ? now.plus(rules.lockDuration()) : entry.get().lockedUntil()) : null;
    if (entry.isEmpty()) {
      try {
        jdbc.update("insert into sign_in_throttle (throttle_key, failures, last_failure, locked_until) values (?, ?, ?, ?)",
            key, failures, Timestamp.from(now), lockedUntil);
        return locks;
      } catch (DuplicateKeyException another) {
        // another node counted the first failure at the same moment: count on its row
        return count(key, lockAfter, now);
      }
    }
    jdbc.update("update sign_in_throttle set failures = ?, last_failure = ?, locked_until = ? where throttle_key = ?",
        failures, Timestamp.from(now), lockedUntil, key);
    return locks;
  }

  private Optional<Entry> entry(String key) {
    return jdbc.query("select throttle_key, failures, last_failure, locked_until from sign_in_throttle where throttle_key = ?",
        (rs, i) -> new Entry(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
            rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()), key).stream().findFirst();
  }
}
