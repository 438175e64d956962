package org.opencxm.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL when no external database URL is configured, so that a trial
 * needs nothing but a JDK. With {@code spring.datasource.url} (or {@code OPENCXM_DB_URL}) set,
 * this configuration steps aside and Spring Boot connects to that database instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseConfiguration {

    /** The pool takes the same {@code spring.datasource.hikari.*} settings as an external one. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabaseProperties properties) {
        return EmbeddedPostgresServer.forDirectory(properties).newDataSource();
    }

    static class NoExternalDatabase implements org.springframework.context.annotation.Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
