package org.opencxm.cases.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencxm.platform.WorkspaceId;
import org.opencxm.platform.common.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wording of the letters cases send customers, which each workspace may change part by part
 * in German and English: the acknowledgement, resolved and reopened letters, updates, the delay
 * and promise apologies, the answers agents start from, and the closing line. A part the
 * workspace did not word reads as OpenCXM words it. Workspaces write placeholders by name
 * ({number}, {company}, {due}, {status}, {promise}), never by position.
 */
@Component
public class CaseLetters {

    /** A part of a letter and the placeholders its text may use, in the order its message takes them. */
    public record Part(String key, List<String> placeholders) {}

    /** A letter and its parts, as the editor groups them. */
    public record Letter(String name, List<Part> parts) {}

    public static final List<Letter> CATALOG = List.of(
            new Letter(
                    "acknowledgement",
                    List.of(
                            part("mail.case.subject", "number", "company"),
                            part("mail.case.intro", "number"),
                            part("mail.case.due", "due"),
                            part("mail.case.reference", "number"))),
            new Letter(
                    "resolved",
                    List.of(
                            part("mail.case.resolved.subject", "number", "company"),
                            part("mail.case.resolved.intro", "number"),
                            part("mail.case.resolved.more", "number"))),
            new Letter(
                    "reopened",
                    List.of(
                            part("mail.case.reopened.subject", "number", "company"),
                            part("mail.case.reopened.intro", "number"))),
            new Letter(
                    "update",
                    List.of(
                            part("mail.case.update.subject", "number", "company"),
                            part("mail.case.update.intro", "number", "due", "status"),
                            part("mail.case.update.next", "number", "due", "status"),
                            part("mail.case.update.late", "number", "due", "status"))),
            new Letter(
                    "delay",
                    List.of(
                            part("mail.case.delay.subject", "number", "company"),
                            part("mail.case.delay.intro", "number", "due", "status"),
                            part("mail.case.delay.next", "number", "due", "status"))),
            new Letter(
                    "promise",
                    List.of(
                            part("mail.case.promise.subject", "number", "company"),
                            part("mail.case.promise.intro", "promise", "due"),
                            part("mail.case.promise.next", "number"))),
            new Letter(
                    "reply",
                    List.of(
                            part("mail.case.reply.subject", "number", "company"),
                            part("mail.case.template.question"),
                            part("mail.case.template.update"),
                            part("mail.case.template.solved"),
                            part("mail.case.template.apology"))),
            new Letter("closing", List.of(part("mail.case.thanks", "company"))));

    public static final List<String> LANGUAGES = List.of("de", "en");

    private static final Pattern POSITIONAL = Pattern.compile("\\{(\\d+)[^}]*}");
    private static final Pattern NAMED = Pattern.compile("\\{([^{}]*)}");
    private static final int LONGEST = 2000;

    private final LetterTextStore store;
    private final MessageSource messages;
    private final Clock clock;

    CaseLetters(LetterTextStore store, MessageSource messages, Clock clock) {
        this.store = store;
        this.messages = messages;
        this.clock = clock;
    }

    private static Part part(String key, String... placeholders) {
        return new Part(key, List.of(placeholders));
    }

    static Optional<Part> find(String key) {
        return CATALOG.stream()
                .flatMap(l -> l.parts().stream())
                .filter(p -> p.key().equals(key))
                .findFirst();
    }

    static String language(Locale locale) {
        return "de".equals(locale.getLanguage()) ? "de" : "en";
    }

    /** The part in the workspace's wording, else OpenCXM's, with the arguments in place. */
    public String text(WorkspaceId workspace, String key, Locale locale, Object... arguments) {
        var part = find(key);
        var own = part.isEmpty() ? Optional.<String>empty() : store.find(workspace, key, language(locale));
        return own.isPresent()
                ? fill(own.get(), part.get().placeholders(), arguments)
                : messages.getMessage(key, arguments, locale);
    }

    /** OpenCXM's wording of the part, with its placeholders by name, as the editor shows it. */
    public String standard(Part part, String language) {
        var pattern = messages.getMessage(part.key(), null, Locale.forLanguageTag(language));
        var named = POSITIONAL.matcher(pattern);
        var out = new StringBuilder();
        while (named.find()) {
            int index = Integer.parseInt(named.group(1));
            var name = index < part.placeholders().size() ? part.placeholders().get(index) : named.group();
            named.appendReplacement(out, Matcher.quoteReplacement("{" + name + "}"));
        }
        named.appendTail(out);
        return out.toString();
    }

    /** The workspace's own texts by {@code key + "." + language}. */
    public Map<String, String> own(WorkspaceId workspace) {
        return store.of(workspace);
    }

    /**
     * Keeps the workspace's wording: blank parts and parts worded as OpenCXM words them are left
     * to OpenCXM (so they follow its improvements). Refuses, naming the field {@code
     * text.<key>.<language>}, a part nobody knows, a placeholder the part does not have, a subject
     * over one line, control characters (a line break only outside subjects) and a text over 2,000
     * characters.
     */
    @Transactional
    public Map<String, String> save(WorkspaceId workspace, Map<String, String> texts) {
        var problems = new ArrayList<InvalidInputException.Problem>();
        var kept = new HashMap<String, String>();
        for (var entry : texts.entrySet()) {
            int dot = entry.getKey().lastIndexOf('.');
            var field = "text." + entry.getKey();
            var part = dot < 0 ? Optional.<Part>empty() : find(entry.getKey().substring(0, dot));
            var language = dot < 0 ? "" : entry.getKey().substring(dot + 1);
            if (part.isEmpty() || !LANGUAGES.contains(language)) {
                problems.add(new InvalidInputException.Problem(field, "case.letters.invalid.part"));
                continue;
            }
            var text = entry.getValue().strip().replace("\r\n", "\n");
            if (text.isEmpty() || text.equals(standard(part.get(), language))) {
                continue;
            }
            if (text.length() > LONGEST || !plain(text, part.get().key().endsWith(".subject"))) {
                problems.add(new InvalidInputException.Problem(field, "case.letters.invalid.long"));
                continue;
            }
            var used = NAMED.matcher(text);
            while (used.find()) {
                if (!part.get().placeholders().contains(used.group(1))) {
                    problems.add(new InvalidInputException.Problem(field, "case.letters.invalid.placeholder"));
                    break;
                }
            }
            kept.put(entry.getKey(), text);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        store.replace(workspace, kept, clock.instant());
        return kept;
    }

    /** No control characters but line breaks, and in a subject (a mail header) not those either. */
    static boolean plain(String text, boolean oneLine) {
        return text.chars().noneMatch(c -> (c < 0x20 && (oneLine || c != '\n')) || c == 0x7f);
    }

    /** The text with each named placeholder replaced by its argument; numbers plain, as case numbers read. */
    static String fill(String text, List<String> placeholders, Object... arguments) {
        var named = NAMED.matcher(text);
        var out = new StringBuilder();
        while (named.find()) {
            int index = placeholders.indexOf(named.group(1));
            var value = index >= 0 && index < arguments.length ? String.valueOf(arguments[index]) : named.group();
            named.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        named.appendTail(out);
        return out.toString();
    }
}
