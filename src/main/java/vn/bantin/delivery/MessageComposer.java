package vn.bantin.delivery;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the email templates of {@code templates/email/} in the configured language: {@code <bulletin>_<lang>.html},
 * {@code <bulletin>_<lang>.txt} and the subject line in {@code email_<lang>.properties}. A {@code {{key}}} placeholder
 * takes the bulletin's value of that key; values are escaped in HTML, so text from the exports shows as text.
 */
public final class MessageComposer {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");
    private static final Pattern SECTION = Pattern.compile("\\{\\{#([A-Za-z0-9_]+)}}(.*?)\\{\\{/\\1}}", Pattern.DOTALL);

    private final Path dir;
    private final String language;
    private final Properties words = new Properties();

    public MessageComposer(Path templatesDir, String language) {
        this.dir = templatesDir.resolve("email");
        this.language = language;
        Path file = dir.resolve("email_" + language + ".properties");
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            words.load(r);
        } catch (IOException e) {
            throw new EmailTemplateException("email wording " + file + " cannot be read: " + e.getMessage());
        }
    }

    public Message compose(String bulletin, Recipient to, Map<String, ?> values, List<Path> attachments, String fileStem) {
        String subjectKey = "subject." + bulletin;
        String subject = words.getProperty(subjectKey);
        if (subject == null) {
            throw new EmailTemplateException(dir.resolve("email_*.properties") + ": no " + subjectKey + " line");
        }
        Map<String, ?> all = withRecipient(values, to);
        String body = bulletin + "_" + language;
        return new Message(to, fill(subject, all, false, subjectKey), fill(read(body + ".html"), all, true, body + ".html"),
                fill(read(body + ".txt"), all, false, body + ".txt"), attachments, fileStem);
    }

    /**
     * Composes a bulletin's message for a stand-in recipient and throws what {@link #compose} would, so that a broken
     * email template is found before the first of its messages goes out.
     */
    public void check(String bulletin, Map<String, ?> values) {
        compose(bulletin, new Recipient("", "Người nhận", "check@localhost", Set.of(bulletin)), values, List.of(),
                "check");
    }

    private static Map<String, ?> withRecipient(Map<String, ?> values, Recipient to) {
        java.util.HashMap<String, Object> all = new java.util.HashMap<>(values);
        all.put("recipientName", to.name());
        return all;
    }

    private String read(String name) {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EmailTemplateException("email template " + dir.resolve(name) + " cannot be read: " + e.getMessage());
        }
    }

    /** {@code file:line} of the first line of template {@code name} holding {@code token}, the form an editor jumps to. */
    private String at(String name, String token) {
        Path file = dir.resolve(name);
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(token)) {
                    return file + ":" + (i + 1);
                }
            }
        } catch (IOException e) {
            // the subject line, or a file gone meanwhile: no line then
        }
        return file.toString();
    }

    /** Repeats {@code {{#list}}…{{/list}}} once per row of a list value, the row's keys added to the values. */
    private String fill(String template, Map<String, ?> values, boolean html, String where) {
        Matcher section = SECTION.matcher(template);
        StringBuilder expanded = new StringBuilder();
        while (section.find()) {
            Object rows = values.get(section.group(1));
            if (!(rows instanceof List<?> list)) {
                throw new EmailTemplateException(at(where, "{{#" + section.group(1)) + ": {{#" + section.group(1) + "}} is not a list");
            }
            StringBuilder repeated = new StringBuilder();
            for (Object row : list) {
                java.util.HashMap<String, Object> scope = new java.util.HashMap<>(values);
                ((Map<?, ?>) row).forEach((k, v) -> scope.put(String.valueOf(k), v));
                repeated.append(fillPlaceholders(section.group(2), scope, html, where));
            }
            section.appendReplacement(expanded, Matcher.quoteReplacement(repeated.toString()));
        }
        section.appendTail(expanded);
        return fillPlaceholders(expanded.toString(), values, html, where);
    }

    private String fillPlaceholders(String template, Map<String, ?> values, boolean html, String where) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            if (!values.containsKey(key)) {
                throw new EmailTemplateException(at(where, m.group()) + ": unknown placeholder {{" + key + "}}");
            }
            Object v = values.get(key);
            String text = v == null ? words.getProperty("nodata", "-") : v.toString();
            m.appendReplacement(out, Matcher.quoteReplacement(html ? Html.escape(text) : text));
        }
        m.appendTail(out);
        return out.toString();
    }
}
