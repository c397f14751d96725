package cn.credit.workflow.security;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** An account as it is in the database now: read by primary key on every signed-in request. */
@Component
class AccountStates {

  private final JdbcTemplate jdbc;

  AccountStates(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  record State(boolean enabled, int sessionVersion, boolean mustChangePassword) {}

  Optional<State> of(String username) {
    return jdbc.query("select enabled, session_version, must_change_password from app_user where username = ?",
        (rs, i) -> new State(rs.getBoolean(1), rs.getInt(2), rs.getBoolean(3)), username).stream().findFirst();
  }
}
