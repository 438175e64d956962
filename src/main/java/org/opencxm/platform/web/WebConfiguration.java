package org.opencxm.platform.web;

import java.util.List;
import org.opencxm.platform.security.EndpointAccess;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        return new UserLocaleResolver();
    }

    @Bean
    ProblemResponses problemResponses(JsonMapper json, MessageSource messages, LocaleResolver locales) {
        return new ProblemResponses(json, messages, locales);
    }

    /**
     * Right after the character encoding filter (which must set UTF-8 before anyone reads a
     * parameter) and before security, so that no NUL reaches a query or a log line.
     */
    @Bean
    FilterRegistrationBean<NulCharacters> nulCharacters(ProblemResponses problems) {
        var registration = new FilterRegistrationBean<>(new NulCharacters(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Texts of JSON bodies the REST API reads refuse U+0000, each at its field's path. */
    @Bean
    JacksonModule nulRefusingStrings() {
        return new SimpleModule("nul-refusing-strings").addDeserializer(String.class, new NulCharacters.Strings());
    }

    /** {@code ?lang=de} switches the language before sign-in; signed-in users save it in their profile. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        // survey pages take ?lang for themselves (Language.PAGE_LANGUAGE), without touching the cookie
        registry.addInterceptor(change).excludePathPatterns("/s/**", "/i/**");
        registry.addInterceptor(new EndpointAccess());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver());
    }
}
