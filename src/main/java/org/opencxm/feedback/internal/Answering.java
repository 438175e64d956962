package org.opencxm.feedback.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencxm.feedback.Answer;
import org.opencxm.feedback.ResponseId;
import org.opencxm.platform.common.NotFoundException;
import org.opencxm.platform.common.Secrets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The respondent's side: open a survey by its anonymous or personal link, answer it page by
 * page (each page saved, so leaving half-way leaves a partial response), complete it once.
 * Submitting a page twice stores the same answers and moves on the same way.
 */
@Service
public class Answering {

    private final SurveyStore surveys;
    private final InvitationStore invitations;
    private final ResponseStore responses;
    private final AnswerStore answers;
    private final ResponseCompletion completion;
    private final RespondentStages stages;
    private final Clock clock;

    Answering(
            SurveyStore surveys,
            InvitationStore invitations,
            ResponseStore responses,
            AnswerStore answers,
            ResponseCompletion completion,
            RespondentStages stages,
            Clock clock) {
        this.surveys = surveys;
        this.invitations = invitations;
        this.responses = responses;
        this.answers = answers;
        this.completion = completion;
        this.stages = stages;
        this.clock = clock;
    }

    public Optional<Entry> publicEntry(String publicKey) {
        if (publicKey.length() != 22) {
            return Optional.empty();
        }
        return surveys.cachedByPublicKey(publicKey)
                .map(survey -> new Entry(survey, null, survey.open() ? Entry.Access.OPEN : Entry.Access.NOT_ACTIVE));
    }

    @Transactional(readOnly = true)
    public Optional<Entry> personalEntry(String token) {
        if (!InvitationTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return invitations
                .byTokenHash(Secrets.hash(token))
                .flatMap(invitation -> surveys.find(invitation.workspaceId(), invitation.surveyId())
                        .map(survey -> new Entry(survey, invitation, access(survey, invitation))));
    }

    /** The response a page belongs to: the invitation's own, or the one named in the form, or a new one. */
    public ResponseId responseId(Entry entry, @Nullable String named) {
        if (entry.invitation() != null) {
            return new ResponseId(entry.invitation().id().value());
        }
        if (named != null) {
            return new ResponseId(respondentChosen(named));
        }
        // Random (version 4), not time-ordered: the id is all that ties later pages to this respondent.
        return new ResponseId(UUID.randomUUID());
    }

    /**
     * A response id that came from the respondent's side (the anonymous link's path, the widget):
     * always random (version 4), as the pages and the widget make them. Invitations' ids, which
     * personal links' responses carry, are time-ordered (version 7), so nobody can take a
     * customer's personal response by naming its id on the anonymous link.
     *
     * @throws NotFoundException for anything else
     */
    static UUID respondentChosen(String id) {
        try {
            var uuid = UUID.fromString(id);
            if (uuid.version() == 4) {
                return uuid;
            }
        } catch (IllegalArgumentException notAnId) {
            // not found either
        }
        throw new NotFoundException("response", id);
    }

    @Transactional(readOnly = true)
    public Progress progress(Entry entry, ResponseId id) {
        var survey = entry.survey();
        var stored = owned(entry, id);
        if (stored.isEmpty()) {
            return new Progress(id, 0, false, Map.of());
        }
        var answers = this.answers.answers(survey.workspaceId(), id);
        var next = stored.get().completedAt() != null
                ? -1
                : survey.definition().nextPage(stored.get().pagesDone() - 1, answers);
        return new Progress(id, Math.max(next, 0), stored.get().completedAt() != null, answers);
    }

    /**
     * Saves one page. The first page of a new response costs three statements: creating the
     * response (which also proves the id is nobody else's), its answers, its progress.
     */
    @Transactional
    public Outcome submit(
            Entry entry,
            ResponseId id,
            int page,
            Map<String, List<String>> form,
            String language,
            ResponseChannel channel,
            @Nullable String anonymousId) {
        if (entry.access() != Entry.Access.OPEN) {
            return new Outcome.Refused(entry.access());
        }
        var survey = entry.survey();
        var definition = survey.definition();
        var workspace = survey.workspaceId();
        var invitation = entry.invitation();
        var now = clock.instant();
        Map<String, Answer> before = Map.of();
        AnswerForm.Result read = null;
        var fresh = false;
        if (page == 0) {
            // The first page has no skip logic (conditions point to earlier pages), so it can be
            // checked before the database is asked anything.
            read = AnswerForm.read(definition.shown(0, before), form);
            if (!read.errors().isEmpty()) {
                return invalid(0, read, before);
            }
            fresh = responses.start(
                    workspace,
                    id,
                    survey.id(),
                    new ResponseStore.Origin(
                            invitation == null ? null : invitation.id(),
                            invitation == null ? null : invitation.customerId(),
                            anonymousId,
                            survey.touchpointId(),
                            stages.of(survey, invitation == null ? null : invitation.customerId(), anonymousId),
                            language,
                            channel),
                    now);
        }
        if (!fresh) {
            var stored = owned(entry, id);
            if (stored.isEmpty()) {
                if (page == 0) {
                    throw new NotFoundException("response", id);
                }
                return new Outcome.Next(0);
            }
            if (stored.get().completedAt() != null) {
                return new Outcome.Done();
            }
            before = this.answers.answers(workspace, id);
            var current = Math.max(0, definition.nextPage(stored.get().pagesDone() - 1, before));
            if (page < 0 || page > current || page >= definition.pages().size()) {
                return new Outcome.Next(current);
            }
            if (read == null) {
                read = AnswerForm.read(definition.shown(page, before), form);
                if (!read.errors().isEmpty()) {
                    return invalid(page, read, before);
                }
            }
        }
        var pageQuestions = definition.pages().get(page).questions().stream()
                .map(Question::id)
                .toList();
        this.answers.savePage(workspace, id, pageQuestions, read.answers(), fresh);
        var answers = new HashMap<>(before);
        pageQuestions.forEach(answers::remove);
        read.answers().forEach(answer -> answers.put(answer.questionId(), answer));
        var next = definition.nextPage(page, answers);
        if (responses.advance(workspace, id, page + 1, next < 0, now)) {
            completion.completed(
                    survey,
                    invitation,
                    invitation == null ? null : invitation.customerId(),
                    id,
                    anonymousId,
                    answers,
                    now);
        }
        return next >= 0 ? new Outcome.Next(next) : new Outcome.Done();
    }

    private static Outcome invalid(int page, AnswerForm.Result read, Map<String, Answer> before) {
        var shown = new HashMap<>(before);
        read.answers().forEach(answer -> shown.put(answer.questionId(), answer));
        return new Outcome.Invalid(page, read.errors(), shown);
    }

    /** The stored response, if it exists and belongs to this entry (survey and invitation). */
    private Optional<ResponseStore.Stored> owned(Entry entry, ResponseId id) {
        var invitation = entry.invitation();
        return responses
                .find(entry.survey().workspaceId(), id)
                .filter(stored -> stored.surveyId().equals(entry.survey().id()))
                .filter(stored -> invitation == null
                        ? stored.invitationId() == null
                        : invitation.id().equals(stored.invitationId()));
    }

    private Entry.Access access(Survey survey, SurveyInvitation invitation) {
        if (invitation.status() == InvitationStatus.ANSWERED) {
            return Entry.Access.ANSWERED;
        }
        if (invitation.expiredAt(clock.instant())) {
            return Entry.Access.EXPIRED;
        }
        return survey.open() ? Entry.Access.OPEN : Entry.Access.NOT_ACTIVE;
    }
}
