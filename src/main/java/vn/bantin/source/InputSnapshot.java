package vn.bantin.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A complete gathered snapshot of a period's exports: {@code <inputs>/<period>/<timestamp>/} with one file per export
 * and {@code manifest.json}. A folder is complete once it has its final name (the gather writes under a dotted
 * temporary name and renames it at the end), so a crashed or failed gather is never taken for one.
 *
 * @param id     {@code <period>/<timestamp>}, relative to the inputs folder: what a run records
 * @param files  each export's file in the folder, and whether it is in the contract's shape (gathered from a
 *               database or a service) or as the platform exported it (copied from the data folder)
 */
public record InputSnapshot(Path dir, String id, Map<SourceFile, Entry> files) {
    public static final String MANIFEST = "manifest.json";

    /** One export in the snapshot: its file name and whether it was written in the contract's CSV shape. */
    public record Entry(String fileName, boolean contractShape) {
    }

    /** The latest complete snapshot of {@code periodKey} in {@code inputsDir}, if any. */
    public static Optional<InputSnapshot> latest(Path inputsDir, String periodKey) {
        List<Path> all = complete(inputsDir.resolve(periodKey));
        return all.isEmpty() ? Optional.empty() : Optional.of(read(inputsDir, all.get(all.size() - 1)));
    }

    /** The snapshot {@code id} ({@code <period>/<timestamp>}) of {@code inputsDir}, if it is still there. */
    public static Optional<InputSnapshot> find(Path inputsDir, String id) {
        Path dir = inputsDir.resolve(id).normalize();
        if (!dir.startsWith(inputsDir.normalize()) || !Files.isRegularFile(dir.resolve(MANIFEST))) {
            return Optional.empty();
        }
        return Optional.of(read(inputsDir, dir));
    }

    /** The complete snapshot folders of one period's folder, oldest first (their names are UTC timestamps). */
    public static List<Path> complete(Path periodDir) {
        try (Stream<Path> s = Files.list(periodDir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isRegularFile(p.resolve(MANIFEST))).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputSnapshot read(Path inputsDir, Path dir) {
        try {
            JsonNode manifest = new ObjectMapper().readTree(Files.readString(dir.resolve(MANIFEST), StandardCharsets.UTF_8));
            Map<SourceFile, Entry> files = new EnumMap<>(SourceFile.class);
            for (JsonNode f : manifest.path("files")) {
                SourceFile source = SourceFile.valueOf(f.path("source").asText().toUpperCase(java.util.Locale.ROOT));
                files.put(source, new Entry(f.path("file").asText(), !"file".equals(f.path("kind").asText())));
            }
            String id = inputsDir.toAbsolutePath().normalize().relativize(dir.toAbsolutePath().normalize()).toString()
                    .replace('\\', '/');
            return new InputSnapshot(dir, id, Map.copyOf(files));
        } catch (IOException | RuntimeException e) {
            throw new SourceException(dir.resolve(MANIFEST) + ": cannot be read (" + e.getMessage() + "); move the folder"
                    + " away, or gather the period again");
        }
    }

    /**
     * How to read this snapshot's exports: a gathered file is UTF-8 CSV with the contract's headers (the export's own
     * words are still translated by config); a copied file is read as config says for the data folder.
     */
    public SourceOptions options(SourceOptions configured) {
        Map<SourceFile, SourceFormat> formats = new EnumMap<>(SourceFile.class);
        for (SourceFile f : SourceFile.values()) {
            SourceFormat c = configured.format(f);
            Entry e = files.get(f);
            if (e == null) {
                throw new SourceException(dir.resolve(MANIFEST) + ": lists no " + f.key() + " export; gather the period again");
            }
            formats.put(f, e.contractShape()
                    ? new SourceFormat(e.fileName(), StandardCharsets.UTF_8, ',', null, 1, Map.of(), c.valueWords(),
                            c.maxRejectPercent())
                    : new SourceFormat(e.fileName(), c.encoding(), c.separator(), c.sheet(), c.headerRow(), c.columnNames(),
                            c.valueWords(), c.maxRejectPercent()));
        }
        return new SourceOptions(dir, formats, configured.zone());
    }

    /** Every complete snapshot under {@code inputsDir}, by period folder, oldest first. */
    public static Map<String, List<Path>> all(Path inputsDir) {
        Map<String, List<Path>> out = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.list(inputsDir)) {
            for (Path period : s.filter(Files::isDirectory).sorted().toList()) {
                out.put(period.getFileName().toString(), new ArrayList<>(complete(period)));
            }
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
