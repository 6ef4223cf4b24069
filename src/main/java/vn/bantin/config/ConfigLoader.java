package vn.bantin.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.bantin.delivery.Backoff;
import vn.bantin.delivery.MailFrom;
import vn.bantin.delivery.SmtpSettings;
import vn.bantin.store.Database;
import vn.bantin.store.StoreAddress;
import vn.bantin.delivery.Recipient;
import vn.bantin.indicator.Level;
import vn.bantin.indicator.Method;
import vn.bantin.indicator.Targets;
import vn.bantin.report.OutputFormats;
import vn.bantin.report.TemplateLimits;
import vn.bantin.source.SourceFile;
import vn.bantin.source.SourceFormat;

/**
 * Reads {@code bantin.properties} and {@code recipients.csv} from the config folder once, with the defaults of
 * {@link #DEFAULTS}. An unknown key, a bad value or a bad recipient line is an error naming the file and the fix.
 */
public final class ConfigLoader {
    public static final String SETTINGS_FILE = "bantin.properties";
    public static final String RECIPIENTS_FILE = "recipients.csv";

    /** Keys that map an export's own headers and words onto the contract's. */
    static final java.util.regex.Pattern MAPPING_KEY =
            java.util.regex.Pattern.compile("source\\.([a-z]+)\\.(column|value)\\.(.+)");

    /** Every key with its default; README.md lists the same. */
    public static final Map<String, String> DEFAULTS = defaults();

    private final Path dir;
    private final Path file;
    private final Properties props = new Properties();

    private ConfigLoader(Path dir) {
        this.dir = dir;
        this.file = dir.resolve(SETTINGS_FILE);
    }

    public static Settings load(Path configDir) {
        return new ConfigLoader(configDir).read();
    }

    /**
     * The web console's keys ({@code console.*}), read with everything else checked as {@link #load} does; kept out
     * of {@link Settings}, which the pipeline carries and which has no use for them.
     */
    public static ConsoleSettings console(Path configDir) {
        ConfigLoader loader = new ConfigLoader(configDir);
        loader.read();
        String listen = loader.text("console.listen");
        ConsoleSettings.Listen l = ConsoleSettings.Listen.parse(listen)
                .orElseThrow(() -> loader.bad("console.listen", "HOST:PORT, such as 127.0.0.1:8080 (loopback) or 0.0.0.0:8080"
                        + " (every interface, for a reverse proxy on another machine)"));
        String secure = loader.text("console.secure-cookie");
        if (!secure.equals("true") && !secure.equals("false")) {
            throw loader.bad("console.secure-cookie", "true (the console is reached through HTTPS, e.g. behind a reverse"
                    + " proxy with TLS) or false");
        }
        return new ConsoleSettings(l, Boolean.parseBoolean(secure));
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("org.parent", "UBND TỈNH");
        d.put("org.name", "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
        d.put("org.doc-number", "Số: {number}/{type}");
        d.put("org.doc-type", "BÁO CÁO");
        d.put("org.doc-number.running", "false");
        d.put("org.signature-image", "");
        d.put("org.seal-image", "");
        d.put("org.place", "");
        d.put("org.province-name", "tỉnh");
        d.put("org.signatory.authority", "");
        d.put("org.signatory.title", "");
        d.put("org.signatory.name", "");
        d.put("org.distribution", "");
        d.put("data.dir", "data/sample/2022");
        d.put("out.dir", "out");
        d.put("outbox.dir", "outbox");
        d.put("output.formats", "pdf,xlsx");
        d.put("templates.dir", "templates");
        d.put("templates.allowed-hosts", "");
        d.put("templates.max-pages", String.valueOf(TemplateLimits.DEFAULT.maxPages()));
        d.put("templates.fill-timeout", TemplateLimits.DEFAULT.fillTimeout().toString());
        d.put("time-zone", "Asia/Ho_Chi_Minh");
        d.put("language", "vi");
        d.put("edoc.denominator", "incoming");
        d.put("pakn.locality-level", "district");
        d.put("target.edoc.rate.province", "90");
        d.put("target.edoc.rate.district", "80");
        d.put("target.edoc.rate.commune", "60");
        d.put("target.dvc.online_service_share", "80");
        d.put("target.dvc.online_dossier_share", "50");
        d.put("target.dvc.on_time_share", "");
        d.put("target.pakn.processed_share", "");
        d.put("quality.max-reject-percent", "1");
        d.put("holidays.file", HOLIDAYS_DEFAULT);
        d.put("766.tolerance", "2");
        d.put("766.bands", "90,80,70,50");
        d.put("org.province-code", "");
        d.put("source.official-766.file", "official-766.csv");
        d.put("source.unit-changes.file", "unit-changes.csv");
        for (vn.bantin.indicator.Item766 item : vn.bantin.indicator.Item766.values()) {
            if (item.mean()) {
                continue;
            }
            d.put("score." + item.id() + ".points", number(item.defaultPoints()));
            d.put("score." + item.id() + ".threshold", item.defaultThreshold() == null ? "" : number(item.defaultThreshold()));
            if (item.defaultPoints() == 0) {
                d.put("target." + item.id(), item.defaultTarget() == null ? "" : number(item.defaultTarget()));
            }
        }
        for (SourceFile f : SourceFile.values()) {
            String k = "source." + f.key() + ".";
            d.put(k + "file", f.fileName());
            d.put(k + "encoding", "UTF-8");
            d.put(k + "separator", ",");
            d.put(k + "sheet", "");
            d.put(k + "header-row", "1");
            d.put(k + "max-reject-percent", "");
            RemoteSourceReader.addDefaults(d, f);
        }
        d.put("inputs.dir", "");
        d.put("inputs.keep", "12");
        d.put("mail.from", "bantin@localhost");
        d.put("mail.from-name", "bantin");
        d.put("mail.admin", "");
        d.put("smtp.host", "");
        d.put("smtp.port", "");
        d.put("smtp.security", "starttls");
        d.put("smtp.username", "");
        d.put("smtp.password-env", SmtpSettings.DEFAULT_PASSWORD_VARIABLE);
        d.put("delivery.attempts", "4");
        d.put("delivery.first-wait", "PT10S");
        d.put("smtp.connect-timeout", "PT15S");
        d.put("smtp.timeout", "PT1M");
        d.put("smtp.data-timeout", "PT10M");
        d.put("smtp.attempt-limit", "PT15M");
        d.put("delivery.lease", "");
        d.put("render.lease", vn.bantin.store.RenderClaims.DEFAULT_LEASE.toString());
        d.put("render.wait", vn.bantin.store.RenderClaims.DEFAULT_WAIT.toString());
        d.put("render.threads", "");
        d.put("store.url", Database.DEFAULT_URL);
        d.put("store.user", "");
        d.put("store.password-env", StoreAddress.DEFAULT_PASSWORD_VARIABLE);
        d.put("store.archive", "");
        d.put("readiness.retry-every", "PT2H");
        d.put("readiness.max-retries", "36");
        d.put("sign.keystore", "");
        d.put("sign.password-env", Signing.DEFAULT_PASSWORD_VARIABLE);
        d.put("sign.alias", "");
        d.put("sign.reason", "");
        d.put("sign.location", "");
        d.put("console.listen", ConsoleSettings.DEFAULT_LISTEN);
        d.put("console.secure-cookie", "false");
        return Map.copyOf(d);
    }

    /** The shipped calendar; when this default is missing, every year warns instead of the run stopping. */
    static final String HOLIDAYS_DEFAULT = "config/holidays.csv";

    /** The official scores' own header names: {@code source.official-766.column.<column>=<header>|<header>}. */
    static final java.util.regex.Pattern OFFICIAL_COLUMN_KEY =
            java.util.regex.Pattern.compile("source\\.official-766\\.column\\.(period_start|period_end|unit|group|score|max|rank)");

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private Settings read() {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": not found; give the config folder with --config DIR"
                    + " (it holds " + SETTINGS_FILE + " and " + RECIPIENTS_FILE + ")");
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        for (String key : props.stringPropertyNames()) {
            java.util.regex.Matcher mapping = MAPPING_KEY.matcher(key);
            boolean isMapping = mapping.matches() && java.util.Arrays.stream(SourceFile.values())
                    .anyMatch(f -> f.key().equals(mapping.group(1)));
            if (!DEFAULTS.containsKey(key) && !isMapping && !OFFICIAL_COLUMN_KEY.matcher(key).matches()) {
                throw new ConfigException(UnknownKey.message(file, key, DEFAULTS.keySet(), "valid keys are "
                        + new TreeSet<>(DEFAULTS.keySet()) + " and source.<file>.column.<column> / source.<file>.value.<column>.<word>"));
            }
            if (key.endsWith("-env")) {
                environmentVariableName(key);
            }
        }
        Organisation org = new Organisation(text("org.parent"), text("org.name"), text("org.doc-number"),
                text("org.place"), text("org.province-name"), new Organisation.Signatory(text("org.signatory.authority"),
                text("org.signatory.title"), text("org.signatory.name")), list("org.distribution"),
                DocType.parse(text("org.doc-type")).orElseThrow(() -> bad("org.doc-type", "BÁO CÁO, THÔNG BÁO or BẢN TIN")),
                runningNumber(), image("org.signature-image"), image("org.seal-image"));
        Map<Level, Double> edocTargets = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            edocTargets.put(level, percent("target.edoc.rate." + level.id()));
        }
        Targets targets = new Targets(edocTargets, percent("target.dvc.online_service_share"),
                percent("target.dvc.online_dossier_share"), percent("target.dvc.on_time_share"),
                percent("target.pakn.processed_share"));
        Method method = new Method(choice("edoc.denominator", Method.EdocDenominator.class),
                Level.parse(text("pakn.locality-level")).filter(l -> l != Level.PROVINCE).orElseThrow(() -> bad(
                        "pakn.locality-level", "district or commune")));
        Map<SourceFile, SourceFormat> sources = new EnumMap<>(SourceFile.class);
        Double limit = percent("quality.max-reject-percent");
        double maxReject = limit == null ? SourceFormat.DEFAULT_MAX_REJECT_PERCENT : limit;
        for (SourceFile f : SourceFile.values()) {
            sources.put(f, new SourceFormatReader(file.toString(), this::raw, this::bad, props, f, maxReject).read());
        }
        Map<SourceFile, vn.bantin.source.RemoteSource> remotes = new EnumMap<>(SourceFile.class);
        for (SourceFile f : SourceFile.values()) {
            vn.bantin.source.RemoteSource remote = new RemoteSourceReader(file.toString(), this::raw, this::bad, f).read();
            if (remote != null) {
                remotes.put(f, remote);
            }
        }
        String language = text("language");
        if (!language.matches("[a-z]{2}")) {
            throw bad("language", "a two-letter language code such as vi or en");
        }
        return new Settings(org, path("data.dir"), path("out.dir"), path("outbox.dir"), path("templates.dir"),
                zone(), language, method, targets, Map.copyOf(sources),
                new MailFrom(email("mail.from"), text("mail.from-name")), recipients(), store(), mail(), readiness(),
                templateLimits(), render(), inputs(remotes), decision766(), outputFormats(), signing());
    }

    private OutputFormats outputFormats() {
        OutputFormats formats = OutputFormats.parse(text("output.formats"));
        if (formats == null) {
            throw bad("output.formats", OutputFormats.EXPECTED);
        }
        return formats;
    }

    /** {@code sign.*}: no keystore, no signature; the keystore itself is opened by a run and by 'templates check'. */
    private Signing signing() {
        String keystore = text("sign.keystore");
        if (keystore.isEmpty()) {
            return Signing.NONE;
        }
        if (text("sign.password-env").isEmpty()) {
            throw bad("sign.password-env", "the name of the environment variable that holds the keystore's password, e.g. "
                    + Signing.DEFAULT_PASSWORD_VARIABLE);
        }
        String alias = text("sign.alias");
        return new Signing(Path.of(keystore), text("sign.password-env"), alias.isEmpty() ? null : alias, text("sign.reason"),
                text("sign.location"));
    }

    private Settings.Render render() {
        return new Settings.Render(duration("render.lease", "how long a render claim holds a period before another node"
                + " may take it over"), duration("render.wait", "how long a run waits for another node"
                + " rendering the same period"), renderThreads());
    }

    private int renderThreads() {
        if (text("render.threads").isEmpty()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int threads = Integer.parseInt(text("render.threads"));
            if (threads >= 1 && threads <= 256) {
                return threads;
            }
        } catch (NumberFormatException ignored) {
            // said below
        }
        throw bad("render.threads", "how many unit bulletins are rendered at once, 1 to 256 (empty: one per core, "
                + Runtime.getRuntime().availableProcessors() + " here)");
    }

    private Settings.Inputs inputs(Map<SourceFile, vn.bantin.source.RemoteSource> remotes) {
        int keep = -1;
        try {
            keep = Integer.parseInt(text("inputs.keep"));
        } catch (NumberFormatException ignored) {
            // reported below
        }
        if (keep < 1) {
            throw bad("inputs.keep", "how many gathered snapshots of a period 'inputs prune' keeps, 1 or more");
        }
        String dir = text("inputs.dir");
        return new Settings.Inputs(dir.isEmpty() ? null : Path.of(dir), keep, Map.copyOf(remotes));
    }

    /** Points, thresholds, targets, tolerance, bands, the holiday calendar and the two optional data files of 766. */
    private Settings.Decision766 decision766() {
        Map<vn.bantin.indicator.Item766, Double> points = new EnumMap<>(vn.bantin.indicator.Item766.class);
        Map<vn.bantin.indicator.Item766, Double> thresholds = new EnumMap<>(vn.bantin.indicator.Item766.class);
        Map<vn.bantin.indicator.Item766, Double> targets = new EnumMap<>(vn.bantin.indicator.Item766.class);
        for (vn.bantin.indicator.Item766 item : vn.bantin.indicator.Item766.values()) {
            if (item.mean()) {
                continue;
            }
            String pk = "score." + item.id() + ".points";
            Double p = nonNegative(pk, "the item's points, 0 or more (0: information only)");
            points.put(item, p == null ? 0 : p);
            Double t = percent("score." + item.id() + ".threshold");
            if (t != null) {
                if (t == 0) {
                    throw bad("score." + item.id() + ".threshold", "a threshold above 0 and at most 100, or nothing for linear points");
                }
                thresholds.put(item, t);
            }
            if (DEFAULTS.containsKey("target." + item.id())) {
                Double g = percent("target." + item.id());
                if (g != null) {
                    targets.put(item, g);
                }
            }
        }
        Double tolerance = nonNegative("766.tolerance", "points of difference, 0 or more, such as 2");
        List<Double> bands = new ArrayList<>();
        for (String b : text("766.bands").split(",")) {
            try {
                bands.add(Double.parseDouble(b.strip().replace(" ", "")));
            } catch (NumberFormatException e) {
                bands.clear();
                break;
            }
        }
        boolean descending = bands.size() == 4;
        for (int i = 1; descending && i < 4; i++) {
            descending = bands.get(i) < bands.get(i - 1);
        }
        if (!descending || bands.get(0) > 100 || bands.get(3) < 0) {
            throw bad("766.bands", "four lower bounds from 100 down to 0, highest first, for xuất sắc, tốt, khá, trung bình,"
                    + " such as 90,80,70,50");
        }
        vn.bantin.indicator.Scoring766 scoring = new vn.bantin.indicator.Scoring766(points, thresholds, targets,
                tolerance == null ? 2 : tolerance, bands, text("org.province-code"));
        Map<String, List<String>> officialColumns = new LinkedHashMap<>();
        for (String key : props.stringPropertyNames()) {
            java.util.regex.Matcher m = OFFICIAL_COLUMN_KEY.matcher(key);
            if (m.matches()) {
                officialColumns.put(m.group(1), java.util.Arrays.stream(props.getProperty(key).split("\\|"))
                        .map(String::strip).filter(x -> !x.isEmpty()).toList());
            }
        }
        return new Settings.Decision766(scoring, holidays(), dataFileName("source.official-766.file"),
                Map.copyOf(officialColumns), dataFileName("source.unit-changes.file"), Path.of(text("holidays.file")));
    }

    private String dataFileName(String key) {
        String v = text(key);
        if (v.isEmpty() || v.contains("/") || v.contains("\\")) {
            throw bad(key, "a file name in the data folder, such as " + DEFAULTS.get(key));
        }
        return v;
    }

    /** The working-day calendar: the shipped default may be missing (every year then warns); a file named in config may not. */
    private vn.bantin.indicator.WorkingDays holidays() {
        String name = text("holidays.file");
        if (name.isEmpty()) {
            throw bad("holidays.file", "the path of the working-day calendar, such as " + HOLIDAYS_DEFAULT);
        }
        vn.bantin.indicator.WorkingDays days = HolidaysFile.read(Path.of(name));
        if (days != null) {
            return days;
        }
        if (props.containsKey("holidays.file")) {
            throw new ConfigException(file + ": holidays.file=" + name + ": no such file (" + Path.of(name).toAbsolutePath()
                    + "); give the path of the working-day calendar (date,name,working), relative to the folder the command runs in");
        }
        return vn.bantin.indicator.WorkingDays.mondayToFriday();
    }

    private Double nonNegative(String key, String expected) {
        String v = text(key);
        if (v.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.replace(',', '.'));
            if (d >= 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw bad(key, expected);
    }

    String raw(String key) {
        return props.getProperty(key, DEFAULTS.get(key));
    }

    private String text(String key) {
        return raw(key).strip();
    }

    /** A list written on one line, its items separated by {@code ;}; empty items are dropped. */
    private List<String> list(String key) {
        return java.util.Arrays.stream(text(key).split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * A {@code *-env} key names the environment variable that holds a secret. A value that is not a variable's name is
     * most likely the secret itself, put there by mistake: the message says what is wrong without repeating it.
     */
    private void environmentVariableName(String key) {
        String name = text(key);
        if (!name.isEmpty() && !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ConfigException(file + ": " + key + " is not the name of an environment variable (letters, digits and _,"
                    + " not starting with a digit); its value is not shown, since it may be the secret itself: put the secret"
                    + " in the environment and only the variable's name here, e.g. " + key + "=" + DEFAULTS.get(key));
        }
    }

    ConfigException bad(String key, String expected) {
        return new ConfigException(file + ": " + key + "=" + raw(key) + " is not valid; expected " + expected);
    }

    private boolean runningNumber() {
        String v = text("org.doc-number.running");
        if (!v.equals("true") && !v.equals("false")) {
            throw bad("org.doc-number.running", "true (each province bulletin takes the next number of the year from the"
                    + " store, printed where org.doc-number has {number}) or false (the clerk writes the number)");
        }
        if (v.equals("true") && !text("org.doc-number").contains("{number}")) {
            throw bad("org.doc-number", "a number line with {number} where the running number goes, such as"
                    + " Số: {number}/{type}-SKHCN, since org.doc-number.running=true");
        }
        return v.equals("true");
    }

    /** A transparent PNG for the signature block, or null when the key is empty. */
    private Path image(String key) {
        String v = text(key);
        if (v.isEmpty()) {
            return null;
        }
        Path image = Path.of(v);
        byte[] head = new byte[8];
        try (var in = Files.newInputStream(image)) {
            if (in.readNBytes(head, 0, 8) < 8 || !java.util.Arrays.equals(head,
                    new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
                throw bad(key, "a PNG file (with a transparent background); " + image.toAbsolutePath() + " is not one");
            }
        } catch (IOException e) {
            throw bad(key, "a PNG file (with a transparent background); " + image.toAbsolutePath()
                    + " cannot be read (" + e.getMessage() + "): give its path, relative to the folder the command runs"
                    + " in, or leave the key empty to print none");
        }
        return image;
    }

    private Path path(String key) {
        String v = text(key);
        if (v.isEmpty()) {
            throw bad(key, "a folder path");
        }
        return Path.of(v);
    }

    private Settings.Readiness readiness() {
        java.time.Duration every;
        try {
            every = java.time.Duration.parse(text("readiness.retry-every"));
        } catch (java.time.format.DateTimeParseException e) {
            throw bad("readiness.retry-every", "an ISO-8601 duration such as PT2H");
        }
        try {
            int max = Integer.parseInt(text("readiness.max-retries"));
            if (max >= 0) {
                return new Settings.Readiness(every, max);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw bad("readiness.max-retries", "how many times a scheduled run waits for late exports, 0 or more");
    }

    private TemplateLimits templateLimits() {
        int maxPages;
        try {
            maxPages = Integer.parseInt(text("templates.max-pages"));
        } catch (NumberFormatException e) {
            maxPages = 0;
        }
        if (maxPages < 1) {
            throw bad("templates.max-pages", "the most pages one bulletin may have, 1 or more, such as "
                    + TemplateLimits.DEFAULT.maxPages());
        }
        java.time.Duration timeout;
        try {
            timeout = java.time.Duration.parse(text("templates.fill-timeout"));
        } catch (java.time.format.DateTimeParseException e) {
            timeout = java.time.Duration.ZERO;
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw bad("templates.fill-timeout", "an ISO-8601 duration such as PT1M, the longest one bulletin may take to fill");
        }
        Set<String> hosts = new LinkedHashSet<>();
        for (String host : text("templates.allowed-hosts").split(",")) {
            String h = host.strip().toLowerCase(java.util.Locale.ROOT);
            if (h.isEmpty()) {
                continue;
            }
            if (!h.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?|\\[[0-9a-f:.]+\\]")) {
                throw bad("templates.allowed-hosts", "host names separated by commas, such as static.bacninh.gov.vn"
                        + " (no scheme, port or path), or nothing for none");
            }
            hosts.add(h);
        }
        return new TemplateLimits(maxPages, timeout, hosts);
    }

    private StoreAddress store() {
        String url = text("store.url");
        // Not bad(): a URL may carry a password, so only its part before any settings or parameters is shown.
        String shown = Database.where(url);
        String elided = shown + (shown.equals(url) ? "" : "…");
        boolean server = url.startsWith("jdbc:postgresql://");
        if (!url.startsWith("jdbc:h2:") && !server) {
            throw new ConfigException(file + ": store.url=" + elided + " is not valid; expected an H2 JDBC URL such as "
                    + Database.DEFAULT_URL + " or a PostgreSQL one such as jdbc:postgresql://db.example:5432/bantin");
        }
        if (server && url.toLowerCase(java.util.Locale.ROOT).matches(".*[?&]\\s*password\\s*=.*")) {
            throw new ConfigException(file + ": store.url=" + elided + " is not valid: it carries a password (not shown"
                    + " here); remove it from the URL and put it in the environment variable named by store.password-env (default "
                    + StoreAddress.DEFAULT_PASSWORD_VARIABLE + ")");
        }
        String user = text("store.user");
        if (server && user.isEmpty()) {
            throw new ConfigException(file + ": store.user is not set; a PostgreSQL store (store.url=" + elided + ") needs the"
                    + " user that owns its database, e.g. store.user=bantin");
        }
        if (!server && !user.isEmpty()) {
            throw new ConfigException(file + ": store.user=" + user + " is for a PostgreSQL store; remove it: an H2 store's"
                    + " accounts are in the credentials file beside it");
        }
        environmentVariableName("store.password-env");
        String archive = text("store.archive");
        return new StoreAddress(url, server ? user : null, text("store.password-env"),
                archive.isEmpty() ? null : java.nio.file.Path.of(archive));
    }

    private Settings.Mail mail() {
        String admin = text("mail.admin");
        if (!admin.isEmpty()) {
            email("mail.admin");
        }
        int attempts;
        java.time.Duration firstWait;
        try {
            attempts = Integer.parseInt(text("delivery.attempts"));
            if (attempts < 1) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw bad("delivery.attempts", "how many times a message is tried, 1 or more");
        }
        try {
            firstWait = java.time.Duration.parse(text("delivery.first-wait"));
        } catch (java.time.format.DateTimeParseException e) {
            throw bad("delivery.first-wait", "an ISO-8601 duration such as PT10S or PT1M");
        }
        Backoff backoff = new Backoff(attempts, firstWait, 3, java.time.Duration.ofMinutes(5));
        java.time.Duration attemptLimit = duration("smtp.attempt-limit", "how long one attempt at a message may take in all");
        java.time.Duration lease = attemptLimit.plus(LEASE_MARGIN);
        if (!text("delivery.lease").isEmpty()) {
            lease = duration("delivery.lease", "how long a claimed message is held before another sender may take it over");
            if (lease.compareTo(attemptLimit) <= 0) {
                throw bad("delivery.lease", "a duration longer than smtp.attempt-limit (" + attemptLimit + "), or nothing for "
                        + attemptLimit.plus(LEASE_MARGIN) + ": a shorter lease lets a second sender send a message that is still"
                        + " being sent");
            }
        }
        String host = text("smtp.host");
        if (host.isEmpty()) {
            return new Settings.Mail(null, backoff, admin.isEmpty() ? null : admin, lease);
        }
        SmtpSettings.Security security;
        try {
            security = SmtpSettings.Security.parse(text("smtp.security"));
        } catch (IllegalArgumentException e) {
            throw bad("smtp.security", "none, starttls or smtps");
        }
        int port = security.defaultPort();
        if (!text("smtp.port").isEmpty()) {
            try {
                port = Integer.parseInt(text("smtp.port"));
            } catch (NumberFormatException e) {
                throw bad("smtp.port", "a port number such as 587");
            }
        }
        try {
            return new Settings.Mail(new SmtpSettings(host, port, security, text("smtp.username"), text("smtp.password-env"),
                    duration("smtp.connect-timeout", "how long to wait for the connection"), duration("smtp.timeout",
                    "how long to wait for each reply of the server"), duration("smtp.data-timeout",
                    "how long to wait for the reply to the whole message"), attemptLimit), backoff, admin.isEmpty() ? null : admin, lease);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": smtp.*: " + e.getMessage());
        }
    }

    /** What a lease adds to the attempt limit: the time to record the outcome, with room to spare. */
    private static final java.time.Duration LEASE_MARGIN = java.time.Duration.ofMinutes(5);

    /** A positive ISO-8601 duration. */
    private java.time.Duration duration(String key, String what) {
        try {
            java.time.Duration d = java.time.Duration.parse(text(key));
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // reported below
        }
        throw bad(key, what + ", as a positive ISO-8601 duration such as PT30S or PT10M");
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(text("time-zone"));
        } catch (DateTimeException e) {
            throw bad("time-zone", "a time-zone id such as Asia/Ho_Chi_Minh");
        }
    }

    Double percent(String key) {
        String v = text(key);
        if (v.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.replace(',', '.'));
            if (d >= 0 && d <= 100) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw bad(key, "a percentage from 0 to 100, or nothing for no target");
    }

    private <E extends Enum<E>> E choice(String key, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text(key))) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(java.util.Locale.ROOT));
        }
        throw bad(key, "one of " + String.join(", ", names));
    }

    private String email(String key) {
        String v = text(key);
        if (!v.matches("[^@\\s]+@[^@\\s]+")) {
            throw bad(key, "an email address such as bantin@bacninh.gov.vn");
        }
        return v;
    }

    private List<Recipient> recipients() {
        Path f = dir.resolve(RECIPIENTS_FILE);
        List<Recipient> out = new ArrayList<>();
        Map<String, Long> seen = new java.util.HashMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true).get();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8); CSVParser p = CSVParser.parse(r, format)) {
            for (String col : List.of("unit", "name", "email", "bulletins")) {
                if (!p.getHeaderMap().containsKey(col)) {
                    throw new ConfigException(f + ": missing column " + col + "; the header must be unit,name,email,bulletins");
                }
            }
            for (CSVRecord rec : p) {
                String where = f + " line " + (rec.getRecordNumber() + 1);
                String email = rec.get("email");
                if (!email.matches(vn.bantin.delivery.RecipientTable.ADDRESS)) {
                    throw new ConfigException(where + ": email '" + email + "' is not an address");
                }
                Set<String> bulletins = new LinkedHashSet<>();
                for (String b : rec.get("bulletins").split("[;|\\s]+")) {
                    if (!b.isBlank()) {
                        if (!b.equals("province") && !b.equals("unit")) {
                            throw new ConfigException(where + ": bulletins '" + b + "' is not known; use province, unit or both as province;unit");
                        }
                        bulletins.add(b);
                    }
                }
                if (bulletins.contains("unit") && rec.get("unit").isEmpty()) {
                    throw new ConfigException(where + ": a recipient of the unit bulletin needs the unit code");
                }
                for (String b : bulletins) {
                    // The ledger keeps one delivery per (bulletin, period, address): a second row would be lost in it.
                    String key = b + " " + (b.equals("unit") ? rec.get("unit") : "") + " " + email.toLowerCase(java.util.Locale.ROOT);
                    Long first = seen.putIfAbsent(key, rec.getRecordNumber() + 1);
                    if (first != null) {
                        throw new ConfigException(where + ": email '" + email + "' already receives the " + b + " bulletin"
                                + (b.equals("unit") ? " of unit " + rec.get("unit") : "") + " on line " + first
                                + "; remove one of the two rows");
                    }
                }
                out.add(new Recipient(rec.get("unit"), rec.get("name"), email, Set.copyOf(bulletins), where));
            }
        } catch (NoSuchFileException e) {
            throw new ConfigException(f + ": not found; it lists who receives which bulletin (unit,name,email,bulletins)");
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            throw new ConfigException(f + ": cannot be read (" + e.getMessage() + ")");
        }
        return List.copyOf(out);
    }
}
