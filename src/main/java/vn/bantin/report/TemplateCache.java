package vn.bantin.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRRuntimeException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

/**
 * Compiled templates, keyed by the SHA-256 of the JRXML's bytes. Compiling is several times slower than filling, so
 * an unchanged template is compiled once per process (a service shares one cache across its runs); an edited one has
 * a new hash and is compiled on its next use, without a restart. The file is read once per use and the same bytes are
 * hashed and compiled, so hash and report always match.
 */
public final class TemplateCache {

    private final Map<String, JasperReport> compiledByHash = new ConcurrentHashMap<>();
    private final Map<Path, String> hashByTemplate = new ConcurrentHashMap<>();
    private final AtomicInteger compilations = new AtomicInteger();

    public JasperReport get(Path jrxml) {
        byte[] content = read(jrxml);
        String hash = sha256(content);
        // Recorded before compiling: a run's record names the version of a template that failed too.
        String previous = hashByTemplate.put(jrxml.toAbsolutePath().normalize(), hash);
        if (previous != null && !previous.equals(hash) && !hashByTemplate.containsValue(previous)) {
            compiledByHash.remove(previous); // the edited template's old version is no longer used
        }
        return compiledByHash.computeIfAbsent(hash, h -> compile(jrxml, content));
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
