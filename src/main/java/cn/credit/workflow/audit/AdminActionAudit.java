package cn.credit.workflow.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every change an administrator makes (a POST under /admin or /api/admin) is in the audit trail
 * with its outcome, also those without an entry of their own (calendar, templates, mail retries).
 */
@Configuration
class AdminActionAudit implements HandlerInterceptor, WebMvcConfigurer {

  private final AuditLog audit;

  AdminActionAudit(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/admin/**", "/api/admin/**");
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
    Principal who = request.getUserPrincipal();
    if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()) || who == null) {
      return;
    }
    int status = failure != null && response.getStatus() < 400 ? 500 : response.getStatus();
    audit.record(AuditAction.ADMIN_ACTION, who.getName(), request.getRequestURI(), request.getMethod() + " → " + status);
  }
}
