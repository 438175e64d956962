package org.opencxm.feedback.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's colour and logo on survey pages. Every respondent page asks for them, so they
 * are kept for five seconds, as surveys are; a change shows within that time.
 */
@Service
public class Brandings {

    private final BrandingStore store;
    private final Clock clock;
    private final Cache<WorkspaceId, Branding> recent = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(5))
            .maximumSize(10_000)
            .build();
    private final Cache<String, Logo> logos = Caffeine.newBuilder()
            .maximumWeight(32L * 1024 * 1024)
            .<String, Logo>weigher((key, logo) -> logo.bytes().length)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    Brandings(BrandingStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Branding of(WorkspaceId workspace) {
        return recent.get(workspace, store::find);
    }

    /**
     * The branding a page asked for by version: another node may have saved it a moment ago, and
     * what is served under a version is cached by browsers for a day, so a version this node does
     * not know yet is read from the database.
     */
    public Branding of(WorkspaceId workspace, long version) {
        var cached = of(workspace);
        if (cached.version() == version) {
            return cached;
        }
        recent.invalidate(workspace);
        return of(workspace);
    }

    /** As stored now, for the settings page right after a save. */
    @Transactional(readOnly = true)
    public Branding current(WorkspaceId workspace) {
        return store.find(workspace);
    }

    /**
     * The logo of this version of the workspace's branding. Logos are kept by version, so that
     * survey pages, which anyone may load, cost no database read for it.
     */
    public Optional<Logo> logo(WorkspaceId workspace, long version) {
        var branding = of(workspace, version);
        if (!branding.hasLogo()) {
            return Optional.empty();
        }
        return Optional.ofNullable(logos.get(
                workspace + "@" + branding.version(),
                key -> store.logo(workspace).orElse(null)));
    }

    /**
     * @param colour {@code #rrggbb}, blank for the default
     * @param logo a new logo, or null to keep the current one (or none)
     * @throws InvalidInputException when the colour is unreadable under white text or the logo no PNG or JPEG
     */
    @Transactional
    public Branding save(WorkspaceId workspace, @Nullable String colour, byte @Nullable [] logo, boolean removeLogo) {
        var decision = BrandingPolicy.decide(new BrandingPolicy.Request(colour, logo));
        if (decision instanceof BrandingPolicy.Decision.Refused refused) {
            throw new InvalidInputException(refused.problems());
        }
        var accepted = (BrandingPolicy.Decision.Accepted) decision;
        if (accepted.colour() == null
                && accepted.logo() == null
                && store.find(workspace).equals(Branding.NONE)) {
            // the defaults saved over the defaults: nothing to store
            return Branding.NONE;
        }
        store.save(
                workspace, accepted.colour(), accepted.logo(), removeLogo && accepted.logo() == null, clock.instant());
        recent.invalidate(workspace);
        return store.find(workspace);
    }
}
