package org.opencxm.platform.security;

import java.time.Duration;
import java.util.List;
import org.opencxm.platform.ApiKeys;
import org.opencxm.platform.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Two doors: the REST API ({@code /api/**}) takes management tokens and keeps no session; the
 * web application takes a form login with a session and CSRF tokens. Which role may call an
 * endpoint is declared on the controller with {@code @Secured} and checked by {@link
 * EndpointAccess} before the request body is read; method security stays on as a second line.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(securedEnabled = true)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none';"
            + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeys apiKeys, ApiErrorResponses errors) throws Exception {
        var tokens = new ManagementTokenFilter(apiKeys, errors);
        return http.securityMatcher("/api/**", "/actuator/prometheus", "/actuator/info")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(tokens, AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/**")
                        .hasRole(Role.ADMIN.name())
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")))
                .build();
    }

    /**
     * The collection API ({@code /v1/**}) authenticates each request by its write key inside the
     * endpoint, since the key may travel in the body. Websites post to it from their own origin.
     */
    @Bean
    @Order(2)
    SecurityFilterChain collection(
            HttpSecurity http, @Value("${opencxm.rate-limit.collection-per-second}") long perSecond) throws Exception {
        var cors = new CorsConfiguration();
        cors.addAllowedOriginPattern("*");
        cors.setAllowedMethods(List.of("POST", "OPTIONS"));
        // any header: RudderStack's browser SDK sends its own (AnonymousId, SentAt, RSA-…), and
        // no cookie or credential rides on these requests for a header to abuse
        cors.addAllowedHeader(CorsConfiguration.ALL);
        cors.setMaxAge(Duration.ofHours(1));
        var corsSource = new UrlBasedCorsConfigurationSource();
        corsSource.registerCorsConfiguration("/v1/**", cors);
        var limiter = new RateLimiter(request -> true, perSecond, Duration.ofSeconds(1));
        return http.securityMatcher("/v1/**")
                .addFilterBefore(limiter, AuthorizationFilter.class)
                .csrf(csrf -> csrf.disable())
                .cors(c -> c.configurationSource(corsSource))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'")))
                .build();
    }

    /**
     * Survey pages for respondents ({@code /s/**} anonymous links, {@code /i/**} personal links):
     * no sign-in, no session, no CSRF token. A respondent has no account whose authority a
     * forged request could borrow; what ties the pages of one response together is the
     * unguessable id or token in the URL. Answers are rate-limited per address against bots.
     */
    @Bean
    @Order(3)
    SecurityFilterChain respondents(
            HttpSecurity http, @Value("${opencxm.rate-limit.survey-answers-per-minute}") long perMinute)
            throws Exception {
        var limiter = new RateLimiter(request -> "POST".equals(request.getMethod()), perMinute, Duration.ofMinutes(1));
        return http.securityMatcher("/s/**", "/i/**")
                .addFilterBefore(limiter, AuthorizationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()))
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain web(
            HttpSecurity http,
            LoginAccounts accounts,
            LoginOutcomes outcomes,
            SignInThrottle throttle,
            PasswordEncoder passwords,
            AuthenticationEventPublisher events,
            @Value("${opencxm.rate-limit.sign-in-per-minute}") long signInsPerMinute)
            throws Exception {
        var currentAccount = new CurrentAccountFilter(accounts);
        // The only way a password is checked, with no parent to fall back to: one hash comparison per attempt
        var signIn = new ProviderManager(new ConstantTimeSignIn(accounts, passwords));
        signIn.setAuthenticationEventPublisher(events);
        // Guessing passwords or invitation tokens from one address is slowed down before any account is touched.
        var signInLimiter = new RateLimiter(
                request -> "POST".equals(request.getMethod())
                        && (request.getServletPath().equals("/login")
                                || request.getServletPath().startsWith("/invitation/")),
                signInsPerMinute,
                Duration.ofMinutes(1));
        // Filters are created here rather than as beans, so the servlet container does not run them a second time.
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                "/invitation/**",
                                "/password/forgot",
                                "/password/reset/*",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/invitation/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .authenticationManager(signIn)
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new TolerantCsrfTokenHandler()))
                .formLogin(login -> login.loginPage("/login")
                        .usernameParameter("email")
                        .successHandler(outcomes)
                        .failureHandler(outcomes)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("OPENCXM_SESSION"))
                .addFilterBefore(currentAccount, AuthorizationFilter.class)
                .addFilterBefore(signInLimiter, UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .permissionsPolicyHeader(
                                policy -> policy.policy("camera=(), microphone=(), geolocation=(), payment=()")))
                .build();
    }
}
