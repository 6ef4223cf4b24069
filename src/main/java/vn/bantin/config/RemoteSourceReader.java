package vn.bantin.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.bantin.source.RemoteSource;
import vn.bantin.source.SourceFile;

/**
 * The {@code source.<file>.jdbc.*} and {@code source.<file>.http.*} keys of one export: where {@code gather} pulls it
 * from, if not from the data folder. Secrets are named by their environment variables only.
 */
final class RemoteSourceReader {
    static final String[] JDBC_KEYS = {"url", "user", "password-env", "query", "fetch-size"};
    static final String[] HTTP_KEYS = {"url", "format", "rows", "next", "token-env", "user", "password-env",
            "connect-timeout", "read-timeout", "retries", "retry-wait", "ca-file"};
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Pattern NAMED = Pattern.compile("(?<!:):([A-Za-z_][A-Za-z0-9_]*)");

    private final String file;
    private final Function<String, String> raw;
    private final BiFunction<String, String, ConfigException> bad;
    private final String prefix;
    private final SourceFile source;

    RemoteSourceReader(String file, Function<String, String> raw, BiFunction<String, String, ConfigException> bad,
                       SourceFile source) {
        this.file = file;
        this.raw = raw;
        this.bad = bad;
        this.source = source;
        this.prefix = "source." + source.key() + ".";
    }

    static void addDefaults(Map<String, String> d, SourceFile f) {
        String k = "source." + f.key() + ".";
        d.put(k + "jdbc.url", "");
        d.put(k + "jdbc.user", "");
        d.put(k + "jdbc.password-env", "");
        d.put(k + "jdbc.query", "");
        d.put(k + "jdbc.fetch-size", "1000");
        d.put(k + "http.url", "");
        d.put(k + "http.format", "json");
        d.put(k + "http.rows", "");
        d.put(k + "http.next", "next");
        d.put(k + "http.token-env", "");
        d.put(k + "http.user", "");
        d.put(k + "http.password-env", "");
        d.put(k + "http.connect-timeout", "PT10S");
        d.put(k + "http.read-timeout", "PT1M");
        d.put(k + "http.retries", "3");
        d.put(k + "http.retry-wait", "PT2S");
        d.put(k + "http.ca-file", "");
    }

    /** The remote source configured for this export, or null when it is read from the data folder. */
    RemoteSource read() {
        String jdbc = text("jdbc.url");
        String http = text("http.url");
        if (!jdbc.isEmpty() && !http.isEmpty()) {
            throw new ConfigException(file + ": " + prefix + "jdbc.url and " + prefix + "http.url are both set; an export"
                    + " comes from one place: keep one of them");
        }
        if (!jdbc.isEmpty()) {
            return jdbc(jdbc);
        }
        if (!http.isEmpty()) {
            return http(http);
        }
        for (String k : JDBC_KEYS) {
            requireUnsetWithout("jdbc." + k, "jdbc.url");
        }
        for (String k : HTTP_KEYS) {
            requireUnsetWithout("http." + k, "http.url");
        }
        return null;
    }

    private RemoteSource.Jdbc jdbc(String url) {
        if (!url.startsWith("jdbc:")) {
            // Not bad(): a URL may carry a password, so it is not repeated.
            throw new ConfigException(file + ": " + prefix + "jdbc.url is not a JDBC URL; expected one such as"
                    + " jdbc:postgresql://db.example:5432/qlvb or jdbc:mariadb://db.example:3306/motcua");
        }
        if (url.toLowerCase(java.util.Locale.ROOT).matches(".*[?;&:]password=.*")) {
            throw new ConfigException(file + ": " + prefix + "jdbc.url holds a password; its value is not shown: put the"
                    + " password in the environment and its variable's name in " + prefix + "jdbc.password-env");
        }
        String query = text("jdbc.query");
        if (query.isEmpty()) {
            throw bad.apply(prefix + "jdbc.query", "the SELECT that returns " + source.fileName() + "'s rows, with"
                    + " :period_start and :period_end (and :as_of) where the period goes");
        }
        Matcher m = NAMED.matcher(withoutQuoted(query));
        while (m.find()) {
            if (!java.util.List.of("period_start", "period_end", "as_of").contains(m.group(1))) {
                throw new ConfigException(file + ": " + prefix + "jdbc.query: unknown parameter :" + m.group(1)
                        + "; the parameters are :period_start, :period_end and :as_of");
            }
        }
        int fetch = positive("jdbc.fetch-size", "how many rows are fetched at a time, such as 1000");
        return new RemoteSource.Jdbc(url, text("jdbc.user"), text("jdbc.password-env"), query, fetch);
    }

    /** The query with its string literals blanked, so that a ':' inside one is not taken for a parameter. */
    static String withoutQuoted(String query) {
        return query.replaceAll("'([^']|'')*'", "''");
    }

    private RemoteSource.Http http(String url) {
        if (!url.matches("(?i)https?://[^\\s/]+.*")) {
            throw new ConfigException(file + ": " + prefix + "http.url is not an http(s) address; expected one such as"
                    + " https://motcua.example.gov.vn/api/dossiers?from={period_start}&to={period_end}&page={page}");
        }
        Matcher m = PLACEHOLDER.matcher(url);
        while (m.find()) {
            if (!java.util.List.of("period_start", "period_end", "page").contains(m.group(1))) {
                throw new ConfigException(file + ": " + prefix + "http.url: unknown placeholder {" + m.group(1)
                        + "}; the placeholders are {period_start}, {period_end} and {page}");
            }
        }
        RemoteSource.Format format = switch (text("http.format").toLowerCase(java.util.Locale.ROOT)) {
            case "csv" -> RemoteSource.Format.CSV;
            case "json" -> RemoteSource.Format.JSON;
            default -> throw bad.apply(prefix + "http.format", "csv or json");
        };
        String token = text("http.token-env");
        String user = text("http.user");
        if (!token.isEmpty() && !user.isEmpty()) {
            throw new ConfigException(file + ": " + prefix + "http.token-env and " + prefix + "http.user are both set;"
                    + " a service takes a bearer token or a user and password: keep one");
        }
        if (!text("http.password-env").isEmpty() && user.isEmpty()) {
            throw new ConfigException(file + ": " + prefix + "http.password-env is set without " + prefix + "http.user;"
                    + " give the user name too (basic authentication)");
        }
        Path ca = null;
        if (!text("http.ca-file").isEmpty()) {
            ca = Path.of(text("http.ca-file"));
            if (!Files.isRegularFile(ca)) {
                throw bad.apply(prefix + "http.ca-file", "a PEM file of the certificate authority that signed the"
                        + " service's certificate (no such file)");
            }
        }
        int retries = Integer.MIN_VALUE;
        try {
            retries = Integer.parseInt(text("http.retries"));
        } catch (NumberFormatException ignored) {
            // reported below
        }
        if (retries < 0) {
            throw bad.apply(prefix + "http.retries", "how many times a failed page is tried again, 0 or more");
        }
        return new RemoteSource.Http(url, format, text("http.rows"), text("http.next"), token, user,
                text("http.password-env"), duration("http.connect-timeout"), duration("http.read-timeout"), retries,
                duration("http.retry-wait"), ca);
    }

    private void requireUnsetWithout(String key, String needs) {
        String full = prefix + key;
        if (!text(key).isEmpty() && !text(key).equals(ConfigLoader.DEFAULTS.get(full))) {
            throw new ConfigException(file + ": " + full + " is set but " + prefix + needs + " is not; set "
                    + prefix + needs + " too, or remove " + full);
        }
    }

    private int positive(String key, String what) {
        try {
            int v = Integer.parseInt(text(key));
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw bad.apply(prefix + key, what);
    }

    private Duration duration(String key) {
        try {
            Duration d = Duration.parse(text(key));
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException ignored) {
            // reported below
        }
        throw bad.apply(prefix + key, "a positive ISO-8601 duration such as PT10S or PT1M");
    }

    private String text(String key) {
        return raw.apply(prefix + key).strip();
    }
}
