package org.opencxm.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Absolute links that leave the page (invitation links, the website snippet) start with the
 * configured public address ({@code OPENCXM_PUBLIC_URL}), never with the request's Host header,
 * which a client chooses.
 */
@Component
class PublicAddress {

    private final String base;

    PublicAddress(@Value("${opencxm.public-url}") String base) {
        this.base = base.replaceAll("/+$", "");
    }

    /** @param path starting with a slash */
    String of(String path) {
        return base + path;
    }
}
