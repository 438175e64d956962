package org.opencxm.platform.security;

import java.util.UUID;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sign-in that costs one password hash comparison whatever the e-mail: an unknown one (Spring
 * Security compares against a dummy), an invited user without a password yet, a disabled user.
 * The account's state is looked at only after the password, so the answer and its timing say
 * nothing about whether, or how, an account exists.
 */
final class ConstantTimeSignIn extends DaoAuthenticationProvider {

    private final PasswordEncoder passwords;
    private final String noPassword;

    ConstantTimeSignIn(LoginAccounts accounts, PasswordEncoder passwords) {
        super(accounts);
        this.passwords = passwords;
        this.noPassword = passwords.encode(UUID.randomUUID().toString());
        setPasswordEncoder(passwords);
        UserDetailsChecker nothingBeforeThePassword = user -> {};
        setPreAuthenticationChecks(nothingBeforeThePassword);
        setPostAuthenticationChecks(new org.springframework.security.authentication.AccountStatusUserDetailsChecker());
    }

    @Override
    protected void additionalAuthenticationChecks(
            UserDetails user, UsernamePasswordAuthenticationToken authentication) {
        if (user.getPassword() == null) {
            var presented = authentication.getCredentials() == null
                    ? ""
                    : authentication.getCredentials().toString();
            passwords.matches(presented, noPassword);
            throw new BadCredentialsException(
                    messages.getMessage("AbstractUserDetailsAuthenticationProvider.badCredentials", "Bad credentials"));
        }
        super.additionalAuthenticationChecks(user, authentication);
    }
}
