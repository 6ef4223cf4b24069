package vn.bantin.gather;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.bantin.config.Settings;
import vn.bantin.indicator.Period;
import vn.bantin.source.CsvSource;
import vn.bantin.source.InputSnapshot;
import vn.bantin.source.RemoteSource;
import vn.bantin.source.SourceException;
import vn.bantin.source.SourceFile;
import vn.bantin.source.SourceFormat;

/**
 * Pulls every export of a period into a snapshot, all or nothing: each configured source (database query, web
 * service) is streamed into the contract's CSV and each file of the data folder copied, into a dotted temporary
 * folder of {@code <inputs>/<period>/}; then the manifest is written and the folder renamed at once to its
 * timestamp. Any failure removes the temporary folder: no snapshot, and the previous complete one stays current.
 */
public final class Gather {
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Settings settings;
    private final Clock clock;
    private final Consumer<String> progress;

    /** {@code progress}: a line per export, and more on long pulls. */
    public Gather(Settings settings, Clock clock, Consumer<String> progress) {
        this.settings = settings;
        this.clock = clock;
        this.progress = progress;
    }

    /**
     * One file of the snapshot, as the manifest records it. {@code rows} is null for a copied file; {@code source} null
     * for a file copied beside the exports.
     */
    public record Pulled(SourceFile source, String fileName, String kind, String from, String query, Long rows,
                         String sha256, long bytes, Instant started, Instant finished) {
    }

    /** The snapshot made: its folder, its id ({@code <period>/<timestamp>}) and its files. */
    public record Snapshot(Path dir, String id, List<Pulled> files) {
    }

    /** Whether any export is configured to be pulled (a database or a service) rather than read from the data folder. */
    public static boolean anyRemote(Settings settings) {
        return !settings.inputs().remotes().isEmpty();
    }

    public Snapshot gather(Period period) {
        Path periodDir = settings.inputsDir().resolve(period.key());
        Instant started = clock.instant();
        Path temp;
        try {
            Files.createDirectories(periodDir);
            temp = Files.createTempDirectory(periodDir, ".gathering-");
        } catch (IOException e) {
            throw new GatherException("gather: cannot make a folder in " + periodDir + " (" + e.getMessage()
                    + "); check that it is writable (inputs.dir)", e);
        }
        try {
            List<Pulled> files = new ArrayList<>();
            for (SourceFile f : SourceFile.values()) {
                files.add(pull(f, period, temp));
            }
            checkHeaders(temp, files);
            List<Pulled> beside = copyBeside(temp);
            Instant finished = clock.instant();
            writeManifest(temp.resolve(InputSnapshot.MANIFEST), period, started, finished, files, beside);
            Path target = rename(temp, periodDir, finished);
            String id = period.key() + "/" + target.getFileName();
            return new Snapshot(target, id, List.copyOf(files));
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new GatherException("gather: could not write the snapshot in " + temp + " (" + e.getMessage() + ")", e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private Pulled pull(SourceFile f, Period period, Path temp) throws IOException {
        SourceFormat format = settings.sourceOptions().format(f);
        RemoteSource remote = settings.inputs().remotes().get(f);
        Instant started = clock.instant();
        if (remote == null) {
            Path from = settings.dataDir().resolve(format.fileName());
            if (!Files.isRegularFile(from)) {
                throw new GatherException(f.key() + ": " + from + " is not a file in the data folder, and no source."
                        + f.key() + ".jdbc.url or source." + f.key() + ".http.url is set; put the export there or"
                        + " configure where to pull it from");
            }
            return copy(f, f.key(), format.fileName(), from, temp.resolve(format.fileName()));
        }
        String name = f.key() + ".csv";
        Path file = temp.resolve(name);
        progress.accept("gathering " + f.key() + " from " + remote.describe());
        JdbcPull.Pulled pulled;
        String query = null;
        String kind;
        if (remote instanceof RemoteSource.Jdbc jdbc) {
            pulled = JdbcPull.pull(f, format, jdbc, period, file, progress);
            query = jdbc.query();
            kind = "jdbc";
        } else {
            RemoteSource.Http http = (RemoteSource.Http) remote;
            pulled = new HttpPull(f, format, http, period, progress).pull(file);
            kind = "http";
        }
        progress.accept("  " + f.key() + ": " + String.format("%,d", pulled.rows()) + " rows");
        return new Pulled(f, name, kind, remote.describe(), query, pulled.rows(), pulled.sha256(), Files.size(file),
                started, clock.instant());
    }

    /**
     * The files of the data folder that change the Decision 766 figures (official-766.csv, unit-changes.csv, as
     * config names them), copied when present: a run reads them from the same folder as the exports, so a snapshot
     * without them would make a bulletin without the official scores or the merged units' predecessors.
     */
    private List<Pulled> copyBeside(Path temp) throws IOException {
        List<Pulled> out = new ArrayList<>();
        for (String name : java.util.stream.Stream.of(settings.decision766().officialFile(),
                settings.decision766().unitChangesFile()).filter(java.util.Objects::nonNull).toList()) {
            Path from = settings.dataDir().resolve(name);
            if (!Files.isRegularFile(from)) {
                continue;
            }
            Path to = temp.resolve(name).normalize();
            if (!to.startsWith(temp)) {
                throw new GatherException("gather: " + name + " is not a file inside the data folder; name it by its path"
                        + " in the data folder");
            }
            Files.createDirectories(to.getParent());
            out.add(copy(null, name, name, from, to));
        }
        return out;
    }

    /** A file of the data folder copied as it is into the snapshot ({@code source} null: a file beside the exports). */
    private Pulled copy(SourceFile source, String what, String name, Path from, Path to) throws IOException {
        Instant started = clock.instant();
        MessageDigest sha = ContractCsv.sha256Digest();
        long bytes;
        try (InputStream in = new DigestInputStream(Files.newInputStream(from), sha)) {
            bytes = Files.copy(in, to);
        }
        progress.accept("copied " + what + " from " + from);
        return new Pulled(source, name, "file", from.toString(), null, null, HexFormat.of().formatHex(sha.digest()), bytes,
                started, clock.instant());
    }

    /** The headers are read as a run will read them: a snapshot a run could not read is no snapshot. */
    private void checkHeaders(Path temp, List<Pulled> files) throws IOException {
        Path manifest = temp.resolve(InputSnapshot.MANIFEST);
        // A provisional manifest names the files, so the snapshot reads exactly as a run will read it.
        writeManifest(manifest, null, null, null, files, List.of());
        try {
            CsvSource.checkAll(InputSnapshot.find(temp.getParent(), temp.getFileName().toString()).orElseThrow()
                    .options(settings.sourceOptions()));
        } catch (SourceException e) {
            throw new GatherException("gather: the pulled exports cannot be read: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(manifest);
        }
    }

    private static Path rename(Path temp, Path periodDir, Instant finished) throws IOException {
        String stamp = STAMP.format(finished);
        for (int n = 1; ; n++) {
            Path target = periodDir.resolve(n == 1 ? stamp : stamp + "-" + n);
            if (Files.exists(target)) {
                continue;
            }
            try {
                return Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                // another gather of the period finished in the same second
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system cannot rename " + temp + " at once", e);
            }
        }
    }

    /** {@code beside}: the files copied with the exports (under "beside": a run finds them by name, not as exports). */
    private static void writeManifest(Path file, Period period, Instant started, Instant finished, List<Pulled> files,
                                      List<Pulled> beside) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            if (period != null) {
                g.writeStringField("period", period.key());
                g.writeStringField("period_start", period.start().toString());
                g.writeStringField("period_end", period.end().toString());
                g.writeStringField("started", started.toString());
                g.writeStringField("finished", finished.toString());
            }
            writeFiles(g, "files", files);
            if (!beside.isEmpty()) {
                writeFiles(g, "beside", beside);
            }
            g.writeEndObject();
        }
    }

    private static void writeFiles(JsonGenerator g, String name, List<Pulled> files) throws IOException {
        g.writeArrayFieldStart(name);
        for (Pulled p : files) {
            g.writeStartObject();
            if (p.source() != null) {
                g.writeStringField("source", p.source().key());
            }
            g.writeStringField("file", p.fileName());
            g.writeStringField("kind", p.kind());
            g.writeStringField("from", p.from());
            if (p.query() != null) {
                g.writeStringField("query", p.query());
            }
            if (p.rows() != null) {
                g.writeNumberField("rows", p.rows());
            }
            g.writeStringField("sha256", p.sha256());
            g.writeNumberField("bytes", p.bytes());
            g.writeStringField("started", p.started().toString());
            g.writeStringField("finished", p.finished().toString());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a dotted folder left behind is never taken for a snapshot
        }
    }
}
