package org.opencxm.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The languages OpenCXM speaks: every screen, e-mail and survey text exists in each of them.
 * Adding one here (with its message bundle) is what it takes to add a language; nothing else
 * lists them.
 */
public enum Language {
    EN(Locale.ENGLISH),
    DE(Locale.GERMAN);

    /**
     * A request attribute (a {@link Locale}) for a page in another language than its reader's
     * own, such as a survey page a respondent reads in English, or its preview for staff: the
     * page's texts and formats follow it, and nobody's saved choice changes.
     */
    public static final String PAGE_LANGUAGE = "org.opencxm.pageLanguage";

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    /** The supported language of a tag or locale name such as {@code de}, {@code de-AT} or {@code de_CH}. */
    public static Optional<Language> parse(@Nullable String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        var language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return Arrays.stream(values())
                .filter(supported -> supported.tag().equals(language))
                .findFirst();
    }

    public static Optional<Language> of(@Nullable Locale locale) {
        return locale == null ? Optional.empty() : parse(locale.getLanguage());
    }

    public static List<Locale> locales() {
        return Arrays.stream(values()).map(Language::locale).toList();
    }

    /** The ISO 639 code, as stored and as used in URLs ({@code ?lang=de}). */
    public String tag() {
        return locale.getLanguage();
    }

    public Locale locale() {
        return locale;
    }

    public String messageKey() {
        return "language." + tag();
    }

    /** A text field that must hold the tag of a supported language, e.g. a survey's default language. */
    @Documented
    @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = Supported.Validator.class)
    public @interface Supported {

        String message() default "{validation.locale}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        /** Accepts exactly a supported tag: {@code de} and {@code en}, not {@code de-AT} or {@code DE}. */
        class Validator implements ConstraintValidator<Supported, String> {

            @Override
            public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
                return value == null
                        || Arrays.stream(values())
                                .anyMatch(language -> language.tag().equals(value));
            }
        }
    }
}
