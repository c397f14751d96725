package cn.credit.workflow.user;

import cn.credit.workflow.department.Department;
import cn.credit.workflow.entity.MarketEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * A person who signs in: an applicant acting for one entity, or staff of one department. The
 * same users, with their departments as groups, are what the Camunda webapps see.
 */
@Entity
@Table(name = "app_user")
public class AppUser {

  @Id
  @Column(length = 64)
  private String username;

  @Column(name = "password_hash", nullable = false, length = 100)
  private String passwordHash;

  @Column(name = "display_name", nullable = false, length = 100)
  private String displayName;

  @Column(length = 200)
  private String email;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "department_code")
  private Department department;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "entity_id")
  private MarketEntity entity;

  @Column(nullable = false)
  private boolean enabled = true;

  @Column(name = "must_change_password", nullable = false)
  private boolean mustChangePassword;

  @Column(name = "password_changed_at")
  private Instant passwordChangedAt;

  /** Raised when the password changes or the account is disabled: older sessions end at their next request. */
  @Column(name = "session_version", nullable = false)
  private int sessionVersion;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "username"))
  @Enumerated(EnumType.STRING)
  @Column(name = "role", length = 20)
  private Set<Role> roles = new HashSet<>();

  protected AppUser() {}

  public AppUser(String username, String passwordHash, String displayName, String email, Set<Role> roles,
      Department department, MarketEntity entity) {
    check(username, roles, department, entity);
    this.username = username;
    this.passwordHash = passwordHash;
    this.displayName = displayName;
    this.email = email;
    this.roles = EnumSet.copyOf(roles);
    this.department = department;
    this.entity = entity;
  }

  private static void check(String username, Set<Role> roles, Department department, MarketEntity entity) {
    if (roles.contains(Role.APPLICANT) && entity == null) {
      throw new IllegalArgumentException("an applicant acts for an entity: " + username);
    }
    if ((roles.contains(Role.REVIEWER) || roles.contains(Role.LEADER)) && department == null) {
      throw new IllegalArgumentException("a reviewer or department leader belongs to a department: " + username);
    }
  }

  public String getUsername() {
    return username;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getEmail() {
    return email;
  }

  public Department getDepartment() {
    return department;
  }

  public MarketEntity getEntity() {
    return entity;
  }

  /** A disabled account cannot sign in and its open sessions end; its history stays. */
  public void setEnabled(boolean enabled) {
    if (this.enabled && !enabled) {
      sessionVersion++;
    }
    this.enabled = enabled;
  }

  /**
   * A new password; {@code temporary} when someone else chose it (a reset, a generated first
   * password), so that the person sets their own at the next sign-in. Other sessions end.
   */
  public void setPassword(String hash, boolean temporary, Instant now) {
    this.passwordHash = hash;
    this.mustChangePassword = temporary;
    this.passwordChangedAt = now;
    this.sessionVersion++;
  }

  /** The password it was created with was chosen by someone else: the person sets their own at the first sign-in. */
  public void passwordChosenByOthers(Instant now) {
    this.mustChangePassword = true;
    this.passwordChangedAt = now;
  }

  /** What an administrator edits; the rules of the constructor hold again. */
  public void update(String displayName, String email, Set<Role> roles, Department department, MarketEntity entity) {
    check(username, roles, department, entity);
    this.displayName = displayName;
    this.email = email;
    this.roles.clear();
    this.roles.addAll(roles);
    this.department = department;
    this.entity = entity;
    this.sessionVersion++; // what the person may do changed: they sign in again
  }

  public boolean isMustChangePassword() {
    return mustChangePassword;
  }

  public Instant getPasswordChangedAt() {
    return passwordChangedAt;
  }

  public int getSessionVersion() {
    return sessionVersion;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public Set<Role> getRoles() {
    return Collections.unmodifiableSet(roles);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }
}
