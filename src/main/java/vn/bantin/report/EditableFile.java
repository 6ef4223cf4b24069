package vn.bantin.report;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A file of the templates folder that an editor may replace from the console: a known kind, named relative to the
 * folder ({@code labels/bulletin_vi.properties}), at most {@link #MAX_BYTES}. Anything else is refused with a sentence,
 * before a byte is written. (A name that is a link out of the folder is refused where the folder is known.)
 */
public record EditableFile(String path, Kind kind) {
    /** Enough for any template, style, label file or logo; the store keeps every version's bytes. */
    public static final int MAX_BYTES = 1024 * 1024;
    private static final Pattern SEGMENT = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_.\\-]*");

    public enum Kind {
        REPORT("a JasperReports template", ".jrxml"),
        STYLES("a style file", ".jrtx"),
        IMAGE("an image", ".png", ".jpg", ".jpeg", ".gif"),
        LABELS("a label file", ".properties"),
        EMAIL_BODY("an email body", ".html", ".txt");

        private final String what;
        private final String[] extensions;

        Kind(String what, String... extensions) {
            this.what = what;
            this.extensions = extensions;
        }

        public boolean text() {
            return this != IMAGE;
        }

        public String what() {
            return what;
        }
    }

    /**
     * The file {@code name} names, or a {@link ReportException} that says why it may not be edited: not relative,
     * {@code ..}, a hidden or odd segment, or a kind the editor does not know.
     */
    public static EditableFile of(String name) {
        if (name == null || name.isBlank()) {
            throw new ReportException("No file named; name a file of the templates folder, such as labels/bulletin_vi.properties.");
        }
        if (name.length() > 200 || name.startsWith("/") || name.contains("\\") || name.contains(":")) {
            throw new ReportException("'" + name + "' is not a name inside the templates folder; name it relative to the"
                    + " folder with '/', such as images/logo.png.");
        }
        for (String segment : name.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new ReportException("'" + name + "' is not a name inside the templates folder (each part is letters,"
                        + " digits, '_', '-' or '.', and does not start with '.'); name it relative to the folder, such as"
                        + " images/logo.png.");
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (Kind kind : Kind.values()) {
            for (String extension : kind.extensions) {
                if (lower.endsWith(extension)) {
                    return new EditableFile(name, kind);
                }
            }
        }
        throw new ReportException("'" + name + "' is not a kind of file the editor takes: a template (.jrxml), a style file"
                + " (.jrtx), an image (.png, .jpg, .gif), a label file (.properties) or an email body (.html, .txt).");
    }

    /** Throws a {@link ReportException} when {@code content} cannot be this file: empty, too large, not its kind. */
    public void checkContent(byte[] content) {
        if (content.length == 0) {
            throw new ReportException(path + " is empty; upload the whole file.");
        }
        if (content.length > MAX_BYTES) {
            throw new ReportException(path + " is " + content.length / 1024 + " KB; the editor takes files up to "
                    + MAX_BYTES / 1024 + " KB.");
        }
        if (kind == Kind.IMAGE && !image(content)) {
            throw new ReportException(path + " is not a PNG, JPEG or GIF image; upload the picture itself.");
        }
        if (kind.text()) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            } catch (CharacterCodingException e) {
                throw new ReportException(path + " is not valid UTF-8; save it as UTF-8 (Vietnamese text is read as UTF-8).");
            }
        }
    }

    private static boolean image(byte[] b) {
        boolean png = b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        boolean jpeg = b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
        boolean gif = b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8';
        return png || jpeg || gif;
    }
}
