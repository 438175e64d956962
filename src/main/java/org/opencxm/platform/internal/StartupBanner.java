package org.opencxm.platform.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started OpenCXM where to open it and with which login. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final BootstrapProperties bootstrap;

    StartupBanner(BootstrapProperties bootstrap) {
        this.bootstrap = bootstrap;
    }

    @EventListener
    void on(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            log.info(
                    "OpenCXM is ready at http://localhost:{}/ (admin login: {})",
                    web.getWebServer().getPort(),
                    bootstrap.adminEmail());
        }
    }
}
