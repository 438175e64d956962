package org.opencxm.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The REST API's description at {@code /v3/api-docs}, with its bearer-token security. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI openCxmApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("OpenCXM API")
                        .version("v1")
                        .description("Management API of OpenCXM. Authenticate with a management token"
                                + " (Settings › API keys) as 'Authorization: Bearer ocx_m_…'. Errors are"
                                + " RFC 9457 problem details; lists are paged with page and size."))
                .components(new Components()
                        .addSecuritySchemes(
                                "managementToken",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("managementToken"));
    }
}
