package org.opencxm.touchpoints.web;

import java.time.Clock;
import org.opencxm.touchpoints.internal.Collector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class CollectionWebConfiguration {

    @Bean
    CollectionEndpoint collectionEndpoint(
            Collector collector,
            MessageSource messages,
            @Value("${opencxm.rate-limit.collection-per-second}") long perSecond,
            Clock clock) {
        return new CollectionEndpoint(collector, messages, perSecond, clock);
    }

    /** Before every other filter: one that reads form parameters would consume the body. */
    @Bean
    FilterRegistrationBean<CollectionRequests> collectionRequests(CollectionEndpoint endpoint) {
        var registration = new FilterRegistrationBean<>(new CollectionRequests(endpoint));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/v1/*");
        return registration;
    }
}
