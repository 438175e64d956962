package org.opencxm.touchpoints.web;

import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class CollectionWebConfiguration {

    /** Before every other filter: one that reads form parameters would consume the body. */
    @Bean
    FilterRegistrationBean<CollectionRequests> collectionRequests(Clock clock) {
        var registration = new FilterRegistrationBean<>(new CollectionRequests(clock));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/v1/*");
        return registration;
    }
}
