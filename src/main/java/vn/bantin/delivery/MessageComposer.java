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
    /** A section {@code {{#key}}…{{/key}}} or {@code {{^key}}…{{/key}}} (groups 1–3), or a placeholder {@code {{key}}} (group 4). */
    private static final Pattern TOKEN = Pattern.compile(
            "\\{\\{([#^])([A-Za-z0-9_.]+)}}(.*?)\\{\\{/\\2}}|\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}", Pattern.DOTALL);

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

    /**
     * Fills a template in one pass from left to right, so that a value (which may hold text from the exports) is never
     * read as a placeholder. {@code {{#list}}…{{/list}}} repeats once per row of a list value, the row's keys added to
     * the values; {@code {{#key}}…{{/key}}} on any other value shows its text only when the value is there (not null,
     * not false), and {@code {{^key}}…{{/key}}} only when it is not: so that a figure without a target reads without
     * "chỉ tiêu …" rather than "chỉ tiêu không phát sinh".
     */
    private String fill(String template, Map<String, ?> values, boolean html, String where) {
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean section = m.group(1) != null;
            String key = section ? m.group(2) : m.group(4);
            if (!values.containsKey(key)) {
                String token = section ? "{{" + m.group(1) + key : m.group();
                throw new EmailTemplateException(at(where, token) + ": unknown placeholder {{" + (section ? m.group(1) : "")
                        + key + "}}");
            }
            Object value = values.get(key);
            String text = section ? section(m.group(1), m.group(3), value, values, html, where)
                    : escape(value == null ? words.getProperty("nodata", "-") : value.toString(), html);
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String section(String kind, String body, Object value, Map<String, ?> values, boolean html, String where) {
        boolean present = value != null && !Boolean.FALSE.equals(value) && !(value instanceof List<?> l && l.isEmpty());
        if (kind.equals("^")) {
            return present ? "" : fill(body, values, html, where);
        }
        if (value instanceof List<?> list) {
            StringBuilder repeated = new StringBuilder();
            for (Object row : list) {
                java.util.HashMap<String, Object> scope = new java.util.HashMap<>(values);
                ((Map<?, ?>) row).forEach((k, v) -> scope.put(String.valueOf(k), v));
                repeated.append(fill(body, scope, html, where));
            }
            return repeated.toString();
        }
        return present ? fill(body, values, html, where) : "";
    }

    private static String escape(String text, boolean html) {
        return html ? Html.escape(text) : text;
    }
}
