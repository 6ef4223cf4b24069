package vn.bantin.report;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A name a template gives to a resource ({@code "styles.jrtx"}, {@code "images/logo.png"}, a subreport), sorted by
 * where it points: inside the templates folder, to an allowed web host, or somewhere a template may not go.
 */
sealed interface TemplateLocation {
    /** {@code "file:/etc/passwd"}, {@code "http://…"}, {@code "jar:…"}: anything with a scheme. */
    Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*", Pattern.DOTALL);
    /** {@code C:\…}: absolute on Windows, a drive letter and a colon. */
    Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);

    /** A relative name with no {@code ..}: resolved in the templates folder (links out of it are refused there). */
    record InFolder(String name) implements TemplateLocation {}

    /** An http(s) URL whose host {@code templates.allowed-hosts} lists. */
    record AllowedUrl(URI uri) implements TemplateLocation {}

    /** Anything else, with the sentence that says why and what to do. */
    record Refused(String name, String why) implements TemplateLocation {}

    static TemplateLocation of(String name, Set<String> allowedHosts) {
        if (name.isBlank()) {
            return new Refused(name, "is empty; name a file inside the templates folder, such as images/logo.png");
        }
        if (SCHEME.matcher(name).matches()) {
            return url(name, allowedHosts);
        }
        if (name.startsWith("/") || name.startsWith("\\") || name.startsWith("~") || DRIVE.matcher(name).matches()) {
            return new Refused(name, "is an absolute path; a template reads only files inside the templates folder,"
                    + " named relative to it, such as images/logo.png");
        }
        for (String segment : name.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return new Refused(name, "climbs out of the templates folder with '..'; a template reads only files"
                        + " inside it, named relative to it, such as images/logo.png");
            }
        }
        return new InFolder(name);
    }

    private static TemplateLocation url(String name, Set<String> allowedHosts) {
        URI uri;
        try {
            uri = URI.create(name);
        } catch (IllegalArgumentException e) {
            return new Refused(name, "is not a valid URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Refused(name, "is a " + scheme + ": location; a template reads only files inside the templates"
                    + " folder, named relative to it, such as images/logo.png");
        }
        if (host == null || !allowedHosts.contains(host) || uri.getUserInfo() != null) {
            return new Refused(name, "is on host " + host + ", which templates.allowed-hosts in config/bantin.properties"
                    + " does not list (" + (allowedHosts.isEmpty() ? "it lists none" : "it lists " + String.join(", ",
                    new java.util.TreeSet<>(allowedHosts))) + "); put the file in the templates folder instead");
        }
        return new AllowedUrl(uri);
    }
}
