package org.opencxm.platform.internal;

import org.opencxm.platform.common.InvalidInputException;

/** Length over complexity rules, as NIST SP 800-63B recommends. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private PasswordPolicy() {}

    static void check(String password) {
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new InvalidInputException("password", "validation.password.length");
        }
        if (password.isBlank()) {
            throw new InvalidInputException("password", "validation.password.length");
        }
    }
}
