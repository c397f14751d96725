package cn.credit.workflow.process.identity;

import cn.credit.workflow.department.Department;
import cn.credit.workflow.department.Departments;
import cn.credit.workflow.user.AppUser;
import cn.credit.workflow.user.Users;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mirrors the app's users and departments into the engine's identity tables, so that candidate
 * groups, Tasklist and Cockpit know the same people. The app's tables are the source of truth:
 * engine users, groups and memberships that the app does not have are removed. Passwords are not
 * mirrored; /camunda signs people in through the app (see the security configuration).
 */
@Service
public class EngineIdentitySync {

  private static final Logger log = LoggerFactory.getLogger(EngineIdentitySync.class);
  private static final String GROUP_TYPE = "WORKFLOW";

  private final IdentityService identity;
  private final Users users;
  private final Departments departments;

  EngineIdentitySync(IdentityService identity, Users users, Departments departments) {
    this.identity = identity;
    this.users = users;
    this.departments = departments;
  }

  @Transactional
  public void syncAll() {
    Map<String, String> wantedGroups = wantedGroups(departments.findAllByOrderBySortOrder());
    syncGroups(wantedGroups);
    List<AppUser> appUsers = users.findAll();
    Set<String> appUsernames = appUsers.stream().map(AppUser::getUsername).collect(Collectors.toSet());
    appUsers.forEach(this::syncUser);
    for (User engineUser : identity.createUserQuery().list()) {
      if (!appUsernames.contains(engineUser.getId())) {
        identity.deleteUser(engineUser.getId());
      }
    }
    log.info("Engine identity in step with the app: {} users, {} groups", appUsers.size(), wantedGroups.size());
  }

  /** Creates or updates one user in the engine with exactly the groups the app gives it. */
  @Transactional
  public void syncUser(AppUser appUser) {
    User engineUser = identity.createUserQuery().userId(appUser.getUsername()).singleResult();
    boolean isNew = engineUser == null;
    if (isNew) {
      engineUser = identity.newUser(appUser.getUsername());
      // never used to sign in: the webapps trust the app's login
      engineUser.setPassword(UUID.randomUUID().toString());
    }
    if (isNew || !Objects.equals(engineUser.getFirstName(), appUser.getDisplayName())
        || !Objects.equals(engineUser.getEmail(), appUser.getEmail())) {
      engineUser.setFirstName(appUser.getDisplayName());
      engineUser.setLastName("");
      engineUser.setEmail(appUser.getEmail());
      identity.saveUser(engineUser);
    }
    Set<String> wanted = EngineGroups.of(appUser);
    Set<String> current = identity.createGroupQuery().groupMember(appUser.getUsername()).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
    for (String groupId : wanted) {
      if (!current.contains(groupId)) {
        identity.createMembership(appUser.getUsername(), groupId);
      }
    }
    for (String groupId : current) {
      if (!wanted.contains(groupId)) {
        identity.deleteMembership(appUser.getUsername(), groupId);
      }
    }
  }

  private void syncGroups(Map<String, String> wanted) {
    Map<String, Group> existing = new HashMap<>();
    identity.createGroupQuery().list().forEach(group -> existing.put(group.getId(), group));
    wanted.forEach((id, name) -> {
      Group group = existing.get(id);
      if (group == null) {
        group = identity.newGroup(id);
      } else if (name.equals(group.getName())) {
        return;
      }
      group.setName(name);
      group.setType(GROUP_TYPE);
      identity.saveGroup(group);
    });
    Set<String> stale = new HashSet<>(existing.keySet());
    stale.removeAll(wanted.keySet());
    stale.forEach(identity::deleteGroup);
  }

  private static Map<String, String> wantedGroups(List<Department> departments) {
    Map<String, String> groups = new LinkedHashMap<>();
    for (Department department : departments) {
      groups.put(department.getCode(), department.getNameZh());
      groups.put(department.leaderGroupId(), department.getNameZh() + "领导");
    }
    groups.put(EngineGroups.CITY_LEADERS, "市领导");
    groups.put(EngineGroups.CAMUNDA_ADMIN, "系统管理员");
    groups.put(EngineGroups.APPLICANTS, "申请人");
    return groups;
  }
}
