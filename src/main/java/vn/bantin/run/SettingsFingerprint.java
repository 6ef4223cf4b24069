package vn.bantin.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import vn.bantin.config.Settings;
import vn.bantin.delivery.Recipient;
import vn.bantin.indicator.WorkingDays;
import vn.bantin.store.FileVersions;

/**
 * The configuration a run's messages and bulletins depend on, beyond the exports and the templates: who receives
 * what (recipients.csv as read), the settings that change a bulletin or a message (organisation and its document
 * number, signing, language, methods and targets, the exports' formats, the working-day calendar, the sender's
 * address, the output formats and folder), and the files they name (the signing keystore, the signature and seal
 * images). Recorded with the run's input checksums under {@code config:} names, so that {@code history}'s store
 * shows them and a repeat of the period can tell that nothing changed ({@link NothingNew}).
 *
 * <p>It is the settings as loaded, not the bytes of bantin.properties: a comment, the order of the keys or a setting
 * that changes no message (the mail relay, the store, render threads) does not make a repeat render again.
 */
final class SettingsFingerprint {
    static final String PREFIX = "config:";
    /** Settings that change neither a bulletin nor a message (recipients are their own entry). */
    private static final Set<String> LEFT_OUT = Set.of("dataDir", "outboxDir", "templatesDir", "recipients", "store", "mail",
            "readiness", "templateLimits", "render", "inputs");

    private SettingsFingerprint() {
    }

    /** Whether a recorded input entry is one of these (not an export's checksum). */
    static boolean isSetting(String inputName) {
        return inputName.startsWith(PREFIX);
    }

    static Map<String, String> of(Settings settings) {
        Map<String, String> out = new TreeMap<>();
        out.put(PREFIX + "recipients", hash(settings.recipients().stream().map(SettingsFingerprint::recipient)
                .collect(Collectors.joining("\n"))));
        StringBuilder b = new StringBuilder();
        for (RecordComponent c : Settings.class.getRecordComponents()) {
            if (!LEFT_OUT.contains(c.getName())) {
                b.append(c.getName()).append('=').append(canonical(value(c, settings))).append('\n');
            }
        }
        out.put(PREFIX + "settings", hash(b.toString()));
        file(out, "sign.keystore", settings.sign().keystore());
        file(out, "org.signature-image", settings.organisation().signatureImage());
        file(out, "org.seal-image", settings.organisation().sealImage());
        return out;
    }

    /** Where a line sits in recipients.csv does not change its message; its unit, name, address and bulletins do. */
    private static String recipient(Recipient r) {
        return r.unit() + "|" + r.name() + "|" + r.email() + "|" + new java.util.TreeSet<>(r.bulletins());
    }

    private static void file(Map<String, String> out, String key, Path path) {
        if (path == null) {
            return;
        }
        try {
            out.put(PREFIX + key, Files.isRegularFile(path) ? FileVersions.sha256(Files.readAllBytes(path)) : "missing " + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(RecordComponent c, Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass().getSimpleName(), e);
        }
    }

    /**
     * The same text for equal settings in any process: maps and sets in sorted order (Set.of and enum-keyed maps
     * iterate differently from one JVM to the next). A value of a kind not known here gets its identity, so that it
     * can never match another process's and a repeat is rendered rather than wrongly skipped.
     */
    static String canonical(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof CharSequence || v instanceof Number || v instanceof Boolean || v instanceof Character
                || v instanceof Enum<?> || v instanceof Path || v instanceof Charset || v instanceof ZoneId
                || v instanceof Duration || v instanceof TemporalAccessor) {
            return v.toString();
        }
        if (v instanceof WorkingDays w) {
            return canonical(w.entries());
        }
        if (v instanceof Record r) {
            StringBuilder b = new StringBuilder(r.getClass().getSimpleName()).append('(');
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                b.append(c.getName()).append('=').append(canonical(value(c, r))).append(',');
            }
            return b.append(')').toString();
        }
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> canonical(e.getKey()) + "=" + canonical(e.getValue())).sorted()
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (v instanceof List<?> l) {
            return l.stream().map(SettingsFingerprint::canonical).collect(Collectors.joining(",", "[", "]"));
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(SettingsFingerprint::canonical).sorted().collect(Collectors.joining(",", "{", "}"));
        }
        return v.getClass().getName() + "@" + System.identityHashCode(v);
    }

    private static String hash(String text) {
        return FileVersions.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
