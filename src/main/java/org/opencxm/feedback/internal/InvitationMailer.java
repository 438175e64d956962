package org.opencxm.feedback.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.opencxm.customers.Customers;
import org.opencxm.platform.common.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the e-mail invitations that are due and the reminders that are due, one per
 * transaction: the invitation row stays locked while its mail goes out, so several nodes can
 * run this job side by side, and a failed send leaves the invitation for the next round.
 * Consent is checked again just before sending, since customers may unsubscribe in between.
 */
@Component
public class InvitationMailer {

    private static final Logger LOG = LoggerFactory.getLogger(InvitationMailer.class);
    private static final int PER_ROUND = 500;

    private final InvitationStore store;
    private final SurveyStore surveys;
    private final SettingsStore settings;
    private final Customers customers;
    private final InvitationMail mail;
    private final ObjectProvider<JavaMailSender> senders;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean configured;

    InvitationMailer(
            InvitationStore store,
            SurveyStore surveys,
            SettingsStore settings,
            Customers customers,
            InvitationMail mail,
            ObjectProvider<JavaMailSender> senders,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${spring.mail.host:}") String host) {
        this.store = store;
        this.surveys = surveys;
        this.settings = settings;
        this.customers = customers;
        this.mail = mail;
        this.senders = senders;
        this.transactions = transactions;
        this.clock = clock;
        this.configured = !host.isBlank();
    }

    /** One round: everything due now, invitations first. Returns how many e-mails went out. */
    @Scheduled(
            fixedDelayString = "${opencxm.feedback.mail-interval}",
            initialDelayString = "${opencxm.feedback.mail-interval}")
    public int sendDue() {
        var sender = configured ? senders.getIfAvailable() : null;
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        try {
            for (int i = 0;
                    i < PER_ROUND
                            && Boolean.TRUE.equals(transactions.execute(tx -> send(sender, store::nextDue, false)));
                    i++) {
                sent++;
            }
            for (int i = 0;
                    i < PER_ROUND
                            && Boolean.TRUE.equals(transactions.execute(tx -> send(sender, store::nextReminder, true)));
                    i++) {
                sent++;
            }
        } catch (MailException e) {
            LOG.warn("Survey e-mails could not be sent; trying again in the next round: {}", e.getMessage());
        }
        return sent;
    }

    /** Sends the next due e-mail; false when there is none. */
    private boolean send(JavaMailSender sender, Function<Instant, Optional<SurveyInvitation>> next, boolean reminder) {
        var now = clock.instant();
        var found = next.apply(now);
        if (found.isEmpty()) {
            return false;
        }
        var invitation = found.get();
        var workspace = invitation.workspaceId();
        var survey = surveys.find(workspace, invitation.surveyId()).orElseThrow();
        var objection = objection(invitation, survey);
        if (objection.isPresent()) {
            // A reminder a rule objects to is let go; the invitation itself stays sent.
            store.save(reminder ? invitation.remind(now) : invitation.skip(objection.get()));
            return true;
        }
        var token = InvitationTokens.token(settings.tokenKey(workspace), invitation.id());
        mail.send(sender, invitation, survey, token, reminder);
        store.save(reminder ? invitation.remind(now) : invitation.send(now));
        return true;
    }

    /** The rules again, at send time (the throttle was applied when the invitation was made). */
    private Optional<SkipReason> objection(SurveyInvitation invitation, Survey survey) {
        if (invitation.customerId() == null) {
            return Optional.of(SkipReason.NO_EMAIL);
        }
        try {
            var profile = customers.profile(invitation.workspaceId(), invitation.customerId());
            var decision = InvitationPolicy.decide(new InvitationPolicy.Candidate(
                    survey, InvitationChannel.EMAIL, profile, settings.settings(invitation.workspaceId()), false));
            return decision instanceof InvitationPolicy.Decision.Skip skip
                    ? Optional.of(skip.reason())
                    : Optional.empty();
        } catch (NotFoundException e) {
            return Optional.of(SkipReason.NO_EMAIL);
        }
    }
}
