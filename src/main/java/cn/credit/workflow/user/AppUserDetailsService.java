package cn.credit.workflow.user;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Spring Security reads the app's own users: one account for the portal, the API and /camunda. */
@Service
class AppUserDetailsService implements UserDetailsService {

  private final AppUserRepository users;

  AppUserDetailsService(AppUserRepository users) {
    this.users = users;
  }

  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String username) {
    AppUser user = users.findById(username).orElseThrow(() -> new UsernameNotFoundException(username));
    return User.withUsername(user.getUsername())
        .password(user.getPasswordHash())
        .disabled(!user.isEnabled())
        .authorities(user.getRoles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList())
        .build();
  }
}
