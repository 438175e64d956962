package org.opencxm.feedback.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opencxm.customers.ConsentChannel;
import org.opencxm.customers.CustomerId;
import org.opencxm.customers.CustomerProfile;
import org.opencxm.customers.Customers;
import org.opencxm.feedback.SurveyId;
import org.opencxm.platform.Language;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.Ids;
import org.opencxm.platform.common.InvalidInputException;
import org.opencxm.platform.common.InvalidInputException.Problem;
import org.opencxm.platform.common.NotFoundException;
import org.opencxm.platform.common.Secrets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invites customers to surveys by personal link or e-mail, under the workspace's rules
 * ({@link InvitationPolicy}): an invitation a rule forbids is recorded as skipped, with the
 * reason. E-mail invitations are scheduled here and sent by {@link InvitationMailer}.
 */
@Service
public class Invitations {

    private final InvitationStore store;
    private final SettingsStore settings;
    private final SurveyStore surveys;
    private final Customers customers;
    private final Clock clock;

    Invitations(InvitationStore store, SettingsStore settings, SurveyStore surveys, Customers customers, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.surveys = surveys;
        this.customers = customers;
        this.clock = clock;
    }

    /**
     * Invites each customer now. All customers must exist, or nothing is written. Personal links
     * come back with their path ({@code /i/…}); it is shown this once.
     */
    @Transactional
    public List<SurveyInvitation> invite(
            WorkspaceId workspace, SurveyId surveyId, List<CustomerId> customerIds, InvitationChannel channel) {
        var survey = surveys.find(workspace, surveyId).orElseThrow(() -> new NotFoundException("survey", surveyId));
        var profiles = profiles(workspace, customerIds);
        var rules = rules(workspace);
        var invited = new ArrayList<SurveyInvitation>();
        for (var profile : profiles) {
            invited.add(invite(survey, profile, channel, clock.instant(), null, rules));
        }
        return invited;
    }

    /**
     * Invites the customer by e-mail now, to follow up on something ({@code case:<id>}), under the
     * workspace's rules like any invitation (consent, the gap between invitations); the answer
     * carries the reference. The invitation, or why it was skipped.
     */
    @Transactional
    public SurveyInvitation followUp(WorkspaceId workspace, SurveyId surveyId, CustomerId customer, String reference) {
        var survey = surveys.find(workspace, surveyId).orElseThrow(() -> new NotFoundException("survey", surveyId));
        var profile = profiles(workspace, List.of(customer)).get(0);
        var invitation = invite(survey, profile, InvitationChannel.EMAIL, clock.instant(), null, rules(workspace));
        store.refer(workspace, invitation.id(), reference);
        return invitation;
    }

    /** The survey resolved cases follow up with: the workspace's, made from its template on first use. */
    @Transactional
    public SurveyId followUpSurvey(WorkspaceId workspace, java.util.function.Supplier<SurveyId> create) {
        // under the settings' row lock: two cases resolved at once make one survey, not two
        var current = settings.lockFollowUpSurvey(workspace)
                .map(SurveyId::new)
                .filter(id -> surveys.find(workspace, id).isPresent());
        if (current.isPresent()) {
            return current.get();
        }
        var made = create.get();
        settings.followUpSurvey(workspace, made.value());
        return made;
    }

    /** The workspace's rules and link key, read once for a batch of invitations. */
    Rules rules(WorkspaceId workspace) {
        return new Rules(settings.settings(workspace), settings.tokenKey(workspace));
    }

    /** What making invitations needs from the workspace's settings. */
    record Rules(FeedbackSettings settings, byte[] tokenKey) {}

    /** Schedules (or skips) one invitation due at the given time; used by event triggers too. */
    SurveyInvitation invite(
            Survey survey,
            CustomerProfile profile,
            InvitationChannel channel,
            Instant due,
            @Nullable TriggerId trigger,
            Rules workspaceRules) {
        var workspace = survey.workspaceId();
        var rules = workspaceRules.settings();
        var gap = Duration.ofDays(rules.invitationGapDays());
        var customer = profile.customer().id();
        var recently = !gap.isZero() && store.invitedBetween(workspace, customer, due.minus(gap), due.plus(gap));
        var decision =
                InvitationPolicy.decide(new InvitationPolicy.Candidate(survey, channel, profile, rules, recently));
        var now = clock.instant();
        var id = new InvitationId(Ids.next());
        var language = language(profile, survey);
        if (decision instanceof InvitationPolicy.Decision.Skip skip) {
            var skipped = SurveyInvitation.skipped(id, survey, customer, channel, language, skip.reason(), now, due);
            store.insert(skipped, null, trigger);
            return skipped;
        }
        var expires = due.plus(Duration.ofDays(rules.linkValidDays()));
        var invitation = channel == InvitationChannel.LINK
                ? SurveyInvitation.handedOut(id, survey, customer, language, now, expires)
                : SurveyInvitation.scheduled(
                        id, survey, customer, language, profile.customer().email(), now, due, expires);
        var token = InvitationTokens.token(workspaceRules.tokenKey(), id);
        store.insert(invitation, Secrets.hash(token), trigger);
        return invitation.withLink("/i/" + token);
    }

    /**
     * Withdraws the e-mail consent of the customer a personal link belongs to (the link of any
     * invitation, answered or expired). False if the token matches no invitation.
     */
    @Transactional
    public boolean unsubscribe(String token) {
        if (!InvitationTokens.wellFormed(token)) {
            return false;
        }
        var invitation = store.byTokenHash(Secrets.hash(token)).orElse(null);
        if (invitation == null || invitation.customerId() == null) {
            return false;
        }
        customers.recordConsent(
                invitation.workspaceId(), invitation.customerId(), ConsentChannel.EMAIL, false, "unsubscribe link");
        return true;
    }

    /** Whether a personal link exists (for the unsubscribe page, which works for used links too). */
    @Transactional(readOnly = true)
    public Optional<String> languageOf(String token) {
        if (!InvitationTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return store.byTokenHash(Secrets.hash(token)).map(SurveyInvitation::language);
    }

    /** @throws NotFoundException for a survey of another workspace, rather than an empty list that says it exists */
    @Transactional(readOnly = true)
    public List<SurveyInvitation> ofSurvey(WorkspaceId workspace, SurveyId survey, int limit) {
        surveys.find(workspace, survey).orElseThrow(() -> new NotFoundException("survey", survey));
        return store.ofSurvey(workspace, survey, limit);
    }

    /**
     * The survey's latest invitations with the personal links that can still be passed on
     * (each is derived from its invitation, so it can be shown again), for staff who invite.
     */
    @Transactional
    public List<SurveyInvitation> recentWithLinks(WorkspaceId workspace, SurveyId survey, int limit) {
        var recent = ofSurvey(workspace, survey, limit);
        var now = clock.instant();
        if (recent.stream().noneMatch(invitation -> invitation.openLink() && !invitation.expiredAt(now))) {
            // no key to read: reading it would store the workspace's settings on first use
            return recent;
        }
        var key = settings.tokenKey(workspace);
        return recent.stream()
                .map(invitation -> invitation.openLink() && !invitation.expiredAt(now)
                        ? invitation.withLink("/i/" + InvitationTokens.token(key, invitation.id()))
                        : invitation)
                .toList();
    }

    /** The path of an invitation's personal link while it can be passed on, for its QR code. */
    @Transactional
    public Optional<String> openLink(WorkspaceId workspace, SurveyId survey, InvitationId id) {
        return store.find(workspace, id)
                .filter(invitation -> invitation.surveyId().equals(survey))
                .filter(SurveyInvitation::openLink)
                .filter(invitation -> !invitation.expiredAt(clock.instant()))
                .map(invitation -> "/i/" + InvitationTokens.token(settings.tokenKey(workspace), invitation.id()));
    }

    /** The rules; a workspace that never changed them gets the defaults (stored on first use). */
    @Transactional
    public FeedbackSettings settings(WorkspaceId workspace) {
        return settings.settings(workspace);
    }

    @Transactional
    public FeedbackSettings update(WorkspaceId workspace, FeedbackSettings changed) {
        settings.save(workspace, changed);
        return settings.settings(workspace);
    }

    private List<CustomerProfile> profiles(WorkspaceId workspace, List<CustomerId> ids) {
        var profiles = new ArrayList<CustomerProfile>();
        var problems = new ArrayList<Problem>();
        for (int i = 0; i < ids.size(); i++) {
            try {
                profiles.add(customers.profile(workspace, ids.get(i)));
            } catch (NotFoundException e) {
                problems.add(new Problem("customerIds[" + i + "]", "invitation.invalid.customer"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return profiles;
    }

    /**
     * The customer's language trait ({@code language} or {@code locale}), else the survey's. Read
     * by its first two letters, as shops and CRMs write it: {@code de-DE}, {@code en_US}, {@code
     * Deutsch}, {@code eng}.
     */
    static String language(CustomerProfile profile, Survey survey) {
        return profile.language().map(Language::tag).orElse(survey.defaultLanguage());
    }
}
