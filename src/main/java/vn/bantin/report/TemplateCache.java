package vn.bantin.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRRuntimeException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.util.JRSaver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled templates, keyed by the SHA-256 of the JRXML's bytes. Compiling is several times slower than filling, so
 * an unchanged template is compiled once per process (a service shares one cache across its runs); an edited one has
 * a new hash and is compiled on its next use, without a restart. The file is read once per use and the same bytes are
 * hashed and compiled, so hash and report always match.
 *
 * <p>Made with {@link #onDisk}, it also keeps each compiled template in a folder ({@code <sha256>.<JasperReports
 * version>.jasper}), so that a process compiles only what changed since any earlier one. A file of another
 * JasperReports version, or one that does not load, is deleted and the template compiled again.
 */
public final class TemplateCache {
    private static final Logger log = LoggerFactory.getLogger(TemplateCache.class);
    private static final String JASPER_VERSION = jasperVersion();

    private final Map<String, JasperReport> compiledByHash = new ConcurrentHashMap<>();
    private final Map<Path, String> hashByTemplate = new ConcurrentHashMap<>();
    private final AtomicInteger compilations = new AtomicInteger();
    /** Where compiled templates are kept between processes; null: in memory only. */
    private final Path folder;
    private final String jasperVersion;

    /** Compiled templates kept in memory only. */
    public TemplateCache() {
        this(null, JASPER_VERSION);
    }

    TemplateCache(Path folder, String jasperVersion) {
        this.folder = jasperVersion == null ? null : folder;
        this.jasperVersion = jasperVersion;
    }

    /** Also kept in {@code folder} from process to process (when the JasperReports version can be told). */
    public static TemplateCache onDisk(Path folder) {
        return new TemplateCache(folder, JASPER_VERSION);
    }

    public JasperReport get(Path jrxml) {
        byte[] content = read(jrxml);
        String hash = sha256(content);
        // Recorded before compiling: a run's record names the version of a template that failed too.
        String previous = hashByTemplate.put(jrxml.toAbsolutePath().normalize(), hash);
        if (previous != null && !previous.equals(hash) && !hashByTemplate.containsValue(previous)) {
            compiledByHash.remove(previous); // the edited template's old version is no longer used
        }
        return compiledByHash.computeIfAbsent(hash, h -> loadOrCompile(jrxml, content, h));
    }

    private JasperReport loadOrCompile(Path jrxml, byte[] content, String hash) {
        if (folder == null) {
            return compile(jrxml, content);
        }
        Path file = folder.resolve(hash + "." + jasperVersion + ".jasper");
        JasperReport kept = load(file);
        if (kept != null) {
            return kept;
        }
        JasperReport report = compile(jrxml, content);
        try {
            AtomicFile.writeRendered(file, out -> save(report, out), written -> { });
            discardOtherVersions(hash);
        } catch (ReportException | IOException e) {
            log.warn("Could not keep the compiled {} in {}: {}", jrxml.getFileName(), folder, e.getMessage());
        }
        return report;
    }

    private static void save(JasperReport report, OutputStream out) throws IOException {
        try {
            JRSaver.saveObject(report, out);
        } catch (JRException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static JasperReport load(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return (JasperReport) JRLoader.loadObject(file.toFile());
        } catch (JRException | RuntimeException e) {
            log.info("Compiling again: the kept {} does not load ({})", file.getFileName(), e.getMessage());
            deleteQuietly(file);
            return null;
        }
    }

    /** The same template compiled by another JasperReports version is of no further use. */
    private void discardOtherVersions(String hash) throws IOException {
        String mine = hash + "." + jasperVersion + ".jasper";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, hash + ".*.jasper")) {
            for (Path f : files) {
                if (!f.getFileName().toString().equals(mine)) {
                    deleteQuietly(f);
                }
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }

    /** The version of the JasperReports library on the class path (its Maven metadata), or null when unknown. */
    static String jasperVersion() {
        try (InputStream in = JasperReport.class.getResourceAsStream(
                "/META-INF/maven/net.sf.jasperreports/jasperreports/pom.properties")) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            return v == null || !v.matches("[A-Za-z0-9._-]+") ? null : v;
        } catch (IOException e) {
            return null;
        }
    }

    /** The SHA-256 (hex) of the content of {@code jrxml} when it was last used, or null if it never was. */
    public String hashOf(Path jrxml) {
        return hashByTemplate.get(jrxml.toAbsolutePath().normalize());
    }

    /** How many times a template was actually compiled (not served from the cache). */
    public int compilations() {
        return compilations.get();
    }

    private JasperReport compile(Path jrxml, byte[] content) {
        try {
            JasperReport report = JasperCompileManager.compileReport(new ByteArrayInputStream(content));
            compilations.incrementAndGet();
            return report;
        } catch (JRException | JRRuntimeException e) {
            // Jasper reports malformed XML only as "Unable to load report"; the XML parser says where.
            String xmlProblem = TemplateProblems.xmlProblem(content);
            throw xmlProblem == null
                    ? CompileProblems.compileFailure(jrxml, e)
                    : new ReportException(jrxml, "Template " + jrxml + ": is not well-formed XML: " + xmlProblem, e);
        }
    }

    private static byte[] read(Path jrxml) {
        try {
            return Files.readAllBytes(jrxml);
        } catch (NoSuchFileException e) {
            throw new ReportException(jrxml, "Template " + jrxml + " not found.", e);
        } catch (IOException e) {
            throw new ReportException(jrxml, "Template " + jrxml + " cannot be read: " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
