package org.opencxm.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Tomcat's answer to requests it refuses before the application sees them: a path with an
 * encoded NUL or invalid UTF-8, a malformed request line. Instead of Tomcat's English page, the
 * caller gets what the application would say: problem details for the APIs and for callers
 * that want no HTML, a plain error page otherwise, in German or English by Accept-Language.
 * Errors the application answered itself already have a body and pass through untouched.
 */
public final class UnroutableRequests extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var messages = messages(request.getLocale());
        var reason = HttpStatus.resolve(status);
        var title = reason == null ? String.valueOf(status) : reason.getReasonPhrase();
        var detail = messages.getString(reason == null ? "problem.badRequest" : ErrorProblems.detailKey(reason));
        try {
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            var uri = request.getDecodedRequestURI();
            var accept = request.getHeader("Accept");
            if (uri == null
                    || uri.startsWith("/api/")
                    || uri.startsWith("/v1/")
                    || accept == null
                    || !accept.contains("text/html")) {
                response.setContentType("application/problem+json");
                response.getReporter()
                        .write("{\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + json(detail)
                                + "\"}");
            } else {
                response.setContentType("text/html");
                response.getReporter()
                        .write("<!DOCTYPE html><html lang=\""
                                + messages.getLocale().getLanguage()
                                + "\"><meta charset=\"utf-8\"><title>"
                                + HtmlUtils.htmlEscape(messages.getString("error.title"))
                                + " · OpenCXM</title><h1>" + HtmlUtils.htmlEscape(messages.getString("error.title"))
                                + "</h1><p>" + HtmlUtils.htmlEscape(messages.getString("error.badRequest"))
                                + "</p><p><a href=\"/\">" + HtmlUtils.htmlEscape(messages.getString("error.home"))
                                + "</a></p></html>");
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response was taken over: nothing left to tell
        }
    }

    /** German for German callers, English for everyone else; never the machine's default locale. */
    private static ResourceBundle messages(Locale requested) {
        var locale = "de".equals(requested.getLanguage()) ? Locale.GERMAN : Locale.ROOT;
        return ResourceBundle.getBundle(
                "messages",
                locale,
                UnroutableRequests.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Our own message texts only, which hold no control characters: quotes and backslashes suffice. */
    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Puts the valve in place of the one Spring Boot gives the host. */
    @Component
    static class Installation implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                var pipeline = context.getParent().getPipeline();
                for (var valve : pipeline.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        pipeline.removeValve(valve);
                    }
                }
                var valve = new UnroutableRequests();
                valve.setShowReport(false);
                valve.setShowServerInfo(false);
                pipeline.addValve(valve);
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(UnroutableRequests.class.getName());
                }
            });
        }

        /** After Spring Boot's own customizer, which adds the valve this one replaces. */
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
