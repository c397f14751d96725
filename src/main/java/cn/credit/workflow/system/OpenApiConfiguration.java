package cn.credit.workflow.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document (/v3/api-docs, Swagger UI at /swagger-ui.html): the JSON API under /api, HTTP Basic. */
@Configuration
class OpenApiConfiguration {

  @Bean
  OpenAPI creditWorkflowApi() {
    return new OpenAPI()
        .info(new Info().title("信用修复与异议处理平台 API / Credit repair and dispute API").version("1")
            .description("Repair requests, tasks and records. Sign in with HTTP Basic as one of the demo users."))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
