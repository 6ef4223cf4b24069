package vn.bantin.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import vn.bantin.indicator.UnitTree;

/**
 * Randomly corrupted exports (cut lines, stray quotes, bad bytes, shuffled columns, huge fields, lost or extra
 * line breaks) fed to the reader: it never crashes and never hangs; it either refuses the file with a
 * {@link SourceException} or reads it with every row either counted or rejected, and every rejected row written.
 */
class CorruptExportsPropertyTest {
    private static final String UNITS = "code,name,level,parent\nS1,Sở Y tế,province,\nH1,UBND huyện Gia Bình,district,\n"
            + "X1,UBND xã Xuân Lai,commune,H1\n";
    private static final byte[] DOCUMENTS = documents();

    private Path dir;

    private static byte[] documents() {
        StringBuilder b = new StringBuilder("id,unit,direction,date,from_work_dossier,signed\n");
        String[] units = {"S1", "H1", "X1"};
        for (int i = 1; i <= 40; i++) {
            boolean out = i % 3 == 0;
            b.append("VB-").append(i).append(',').append(units[i % 3]).append(',').append(out ? "đi" : "in").append(',')
                    .append(i % 2 == 0 ? "2022-03-" + String.format("%02d", 1 + i % 28) : String.format("%02d/04/2022", 1 + i % 28))
                    .append(',').append(out ? "có" : "").append(',').append(out ? "\"true\"" : "").append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @BeforeProperty
    void folder() throws IOException {
        dir = Files.createTempDirectory("bantin-fuzz");
        Files.writeString(dir.resolve("units.csv"), UNITS, StandardCharsets.UTF_8);
    }

    @AfterProperty
    void cleanUp() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** One damage done to the file's bytes; {@code at} is a fraction of the file's length. */
    record Corruption(Kind kind, double at, int size, long seed) {
        enum Kind { CUT, STRAY_QUOTE, BAD_BYTE, SHUFFLE_COLUMNS, HUGE_FIELD, DROP_NEWLINE, EXTRA_NEWLINE, NUL, HEADER_ONLY, CR_ONLY }

        byte[] apply(byte[] in) {
            int p = Math.min(in.length, (int) (at * in.length));
            Random random = new Random(seed);
            return switch (kind) {
                case CUT -> Arrays.copyOf(in, p);
                case STRAY_QUOTE -> insert(in, p, new byte[] {'"'});
                case BAD_BYTE -> insert(in, p, new byte[] {(byte) (0x80 + random.nextInt(0x80))});
                case NUL -> insert(in, p, new byte[] {0});
                case HUGE_FIELD -> insert(in, p, "x".repeat(size).getBytes(StandardCharsets.UTF_8));
                case EXTRA_NEWLINE -> insert(in, p, new byte[] {'\n'});
                case DROP_NEWLINE -> dropNewlineAfter(in, p);
                case SHUFFLE_COLUMNS -> shuffle(in, random);
                case HEADER_ONLY -> headerOnly(in);
                case CR_ONLY -> crOnly(in);
            };
        }

        private static byte[] insert(byte[] in, int p, byte[] what) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(in, 0, p);
            out.writeBytes(what);
            out.write(in, p, in.length - p);
            return out.toByteArray();
        }

        private static byte[] dropNewlineAfter(byte[] in, int p) {
            for (int i = p; i < in.length; i++) {
                if (in[i] == '\n') {
                    byte[] out = new byte[in.length - 1];
                    System.arraycopy(in, 0, out, 0, i);
                    System.arraycopy(in, i + 1, out, i, in.length - i - 1);
                    return out;
                }
            }
            return in;
        }

        /** The first line and nothing after it, as an export of an empty query is. */
        private static byte[] headerOnly(byte[] in) {
            for (int i = 0; i < in.length; i++) {
                if (in[i] == '\n') {
                    return Arrays.copyOf(in, i + 1);
                }
            }
            return in;
        }

        /** Line ends as old Mac programs write them: a lone CR. */
        private static byte[] crOnly(byte[] in) {
            byte[] out = in.clone();
            for (int i = 0; i < out.length; i++) {
                if (out[i] == '\n') {
                    out[i] = '\r';
                }
            }
            return out;
        }

        /** Every line's cells in a new random order, the header's included: columns no longer where they were. */
        private static byte[] shuffle(byte[] in, Random random) {
            String text = new String(in, StandardCharsets.UTF_8);
            StringBuilder b = new StringBuilder();
            for (String line : text.split("\n", -1)) {
                List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
                java.util.Collections.shuffle(cells, random);
                b.append(String.join(",", cells)).append('\n');
            }
            return b.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    @Provide
    Arbitrary<List<Corruption>> corruptions() {
        Arbitrary<Corruption> one = Combinators.combine(
                Arbitraries.of(Corruption.Kind.class),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 3_000_000),
                Arbitraries.longs()).as(Corruption::new);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 300)
    void neverCrashesNeverHangsAndEveryRowIsCountedOrRejected(@ForAll("corruptions") List<Corruption> damage) throws IOException {
        byte[] bytes = DOCUMENTS;
        for (Corruption c : damage) {
            bytes = c.apply(bytes);
        }
        Files.write(dir.resolve("documents.csv"), bytes);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> readAndCheck(damage));
    }

    private void readAndCheck(List<Corruption> damage) {
        List<Reject> rejects = new ArrayList<>();
        long[] counted = {0};
        CsvSource source = new CsvSource(new SourceOptions(dir, Map.of(), ZoneId.of("Asia/Ho_Chi_Minh")), rejects::add,
                SourceProgress.NONE);
        UnitTree tree = source.readUnits();
        try {
            source.readDocuments(tree, d -> counted[0]++);
        } catch (SourceException refused) {
            assertTrue(refused.getMessage().startsWith("documents.csv"), "a refusal names the file: " + refused.getMessage());
            return;
        }
        FileStats stats = source.stats().get(1);
        assertEquals(stats.rowsRead(), counted[0] + stats.rowsRejected(), "conservation after " + damage);
        assertEquals(stats.rowsRejected(), rejects.size(), "every rejected row is written");
        assertTrue(rejects.stream().allMatch(r -> r.line() >= 2 && r.file().equals("documents.csv")), rejects.toString());
    }
}
