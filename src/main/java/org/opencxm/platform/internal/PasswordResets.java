package org.opencxm.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.NotFoundException;
import org.opencxm.platform.common.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * "Forgot password": a link by e-mail that works once and for an hour. The page that asks for it
 * answers the same whether the address has an account or not; {@link PasswordResetPolicy}
 * decides whether a link goes out.
 */
@Service
public class PasswordResets {

    static final Duration VALIDITY = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

    private final AccountStore accounts;
    private final MembershipStore memberships;
    private final PasswordResetStore store;
    private final PasswordResetMail mail;
    private final PasswordEncoder passwords;
    private final Clock clock;

    PasswordResets(
            AccountStore accounts,
            MembershipStore memberships,
            PasswordResetStore store,
            PasswordResetMail mail,
            PasswordEncoder passwords,
            Clock clock) {
        this.accounts = accounts;
        this.memberships = memberships;
        this.store = store;
        this.mail = mail;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Someone asks for a link for this address, on a page in this language. Runs on another
     * thread: the page answers at once, in the same time for every address, whatever is looked up.
     */
    @Async
    @Transactional
    public void request(String email, Locale pageLanguage) {
        var now = clock.instant();
        var account = accounts.signIn(email);
        account.ifPresent(a -> accounts.lock(a.id()));
        var decision = PasswordResetPolicy.decide(new PasswordResetPolicy.Request(
                account.isPresent(),
                account.map(a -> a.passwordHash() != null).orElse(false),
                account.map(this::mayWorkSomewhere).orElse(false),
                account.map(a -> store.countSince(a.id(), now.minus(Duration.ofHours(1))))
                        .orElse(0)));
        if (decision instanceof PasswordResetPolicy.Decision.Silent silent) {
            log.info("A password reset was asked for and no link sent: {}", silent.reason());
            return;
        }
        var person = account.orElseThrow();
        var token = Secrets.token("pwr_");
        store.insert(Secrets.hash(token), person.id(), now, now.plus(VALIDITY));
        var locale = person.locale() != null ? person.locale() : pageLanguage;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                mail.send(person.email(), locale, token);
            }
        });
    }

    /** The address a link is for, while it works: the page shows whose password is being set. */
    @Transactional(readOnly = true)
    public Optional<String> emailFor(String token) {
        return store.findValid(Secrets.hash(token), clock.instant())
                .flatMap(accounts::signIn)
                .map(AccountStore.SignIn::email);
    }

    /**
     * Sets the new password and uses up the link (and any other of the account's).
     *
     * @return the address whose password changed, so that its other sessions can be ended
     * @throws NotFoundException when the link is unknown, used or expired
     * @throws InvalidInputException when the password is too short or too long
     */
    @Transactional
    public String reset(String token, String password) {
        PasswordPolicy.check(password);
        var account = store.use(Secrets.hash(token), clock.instant())
                .flatMap(accounts::signIn)
                // disabled or archived since the link was sent
                .filter(this::mayWorkSomewhere)
                .orElseThrow(() -> new NotFoundException("passwordReset", "token"));
        accounts.setPassword(account.id(), passwords.encode(password));
        return account.email();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    public void forgetOldLinks() {
        store.purge(clock.instant().minus(Duration.ofDays(1)));
    }

    private boolean mayWorkSomewhere(AccountStore.SignIn account) {
        return memberships.firstActive(account.id()).isPresent();
    }
}
