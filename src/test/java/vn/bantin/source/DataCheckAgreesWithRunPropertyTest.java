package vn.bantin.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import vn.bantin.cli.Main;
import vn.bantin.source.CorruptExportsPropertyTest.Corruption;

/**
 * The reader's fuzz property carried to the two commands: any of the five exports of a small, complete data set is
 * corrupted (cut, header only, CR line ends, stray quotes, bad bytes, huge values, …), and {@code data check} and
 * {@code run} of the same period, as a user runs them, reach the same verdict: both go on (exit 0), or both stop
 * (exit 2), the run before anything is written. A run never fails otherwise (exit 1) on a corrupted export.
 */
class DataCheckAgreesWithRunPropertyTest {
    private static final String PERIOD = "2022-03";
    private static final Map<String, byte[]> CLEAN = Map.of(
            "units.csv", bytes("code,name,level,parent\nS1,Sở Y tế,province,\nH1,UBND huyện Gia Bình,district,\n"
                    + "X1,UBND xã Xuân Lai,commune,H1\n"),
            "documents.csv", bytes(rows("id,unit,direction,date,from_work_dossier,signed", 30,
                    i -> "VB-" + i + "," + unit(i) + "," + (i % 3 == 0 ? "đi" : "in") + "," + date(i) + ","
                            + (i % 3 == 0 ? "có,true" : ","))),
            "procedures.csv", bytes("code,unit,online_level,name\nTT-1,S1,4,Cấp phép\nTT-2,H1,2,Chứng thực\n"
                    + "TT-3,X1,3,Đăng ký\n"),
            "dossiers.csv", bytes(rows("id,unit,channel,received_date,procedure,due_date,finished_date", 30,
                    i -> "HS-" + i + "," + unit(i) + "," + (i % 2 == 0 ? "online" : "direct") + "," + date(i) + ",TT-"
                            + (1 + i % 3) + ",2022-05-30,")),
            "feedback.csv", bytes(rows("id,received_date,locality,category,status,handler,processed_date,rating", 30,
                    i -> "PA-" + i + "," + date(i) + "," + (i % 2 == 0 ? "H1" : "X1") + ",Môi trường "
                            + (i % 4) + "," + (i % 3 == 0 ? "processed" : "new") + ",S1,,")));
    private static final List<String> FILES = List.copyOf(new java.util.TreeSet<>(CLEAN.keySet()));

    private Path dir;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String unit(int i) {
        return new String[] {"S1", "H1", "X1"}[i % 3];
    }

    /** Dates of March and April 2022, so that a run of March finds every dated export complete. */
    private static String date(int i) {
        return i % 2 == 0 ? String.format("2022-03-%02d", 1 + i % 28) : String.format("%02d/04/2022", 1 + i % 28);
    }

    private static String rows(String header, int n, java.util.function.IntFunction<String> row) {
        StringBuilder b = new StringBuilder(header).append('\n');
        for (int i = 1; i <= n; i++) {
            b.append(row.apply(i)).append('\n');
        }
        return b.toString();
    }

    @BeforeProperty
    void folder() throws IOException {
        dir = Files.createTempDirectory("bantin-verdict");
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("bantin.properties"), "language=vi\n", StandardCharsets.UTF_8);
        Files.writeString(config.resolve("recipients.csv"), "unit,name,email,bulletins\n,Lãnh đạo tỉnh,lanhdao@example.vn,province\n"
                + "S1,Văn thư Sở Y tế,s1@example.vn,unit\nX1,Văn thư xã Xuân Lai,x1@example.vn,unit\n", StandardCharsets.UTF_8);
    }

    @AfterProperty
    void cleanUp() throws IOException {
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Provide
    Arbitrary<String> file() {
        return Arbitraries.of(FILES);
    }

    @Provide
    Arbitrary<List<Corruption>> corruptions() {
        Arbitrary<Corruption> one = Combinators.combine(
                Arbitraries.of(Corruption.Kind.class),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 60_000),
                Arbitraries.longs()).as(Corruption::new);
        return one.list().ofMinSize(1).ofMaxSize(3);
    }

    @Property(tries = 25)
    void dataCheckAndRunReachTheSameVerdict(@ForAll("file") String file, @ForAll("corruptions") List<Corruption> damage)
            throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        CLEAN.forEach((name, bytes) -> write(data.resolve(name), bytes));
        byte[] bytes = CLEAN.get(file);
        for (Corruption c : damage) {
            bytes = c.apply(bytes);
        }
        write(data.resolve(file), bytes);
        Path out = dir.resolve("out");
        deleteTree(out); // a good run of an earlier try leaves its bulletins, as it should

        Cli check = Cli.of("data", "check", "--period", PERIOD, "--data", data.toString(), "--config", dir.resolve("config").toString());
        Cli run = Cli.of("run", "--period", PERIOD, "--data", data.toString(), "--config", dir.resolve("config").toString(),
                "--out", out.toString(), "--outbox", dir.resolve("outbox").toString(),
                "--store", vn.bantin.store.TestStores.urlIn(dir.resolve("var")));
        String what = file + " after " + damage + "\ndata check: " + check + "\nrun: " + run;
        assertTrue(check.exitCode() == 0 || check.exitCode() == 2, what);
        assertEquals(check.exitCode(), run.exitCode(), "the same verdict: " + what);
        if (run.exitCode() == 2) {
            assertTrue(run.err().startsWith("error: "), what);
            assertFalse(Files.exists(out.resolve(PERIOD)), "a stopped run writes no bulletin folder: " + what);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One command as the jar runs it, with what it printed. */
    private record Cli(int exitCode, String out, String err) {
        static Cli of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.execute(vn.bantin.store.TestStores.withStoreUser(args), new PrintWriter(out, true), new PrintWriter(err, true));
            return new Cli(code, out.toString(), err.toString());
        }

        @Override
        public String toString() {
            String lastLines = out.lines().skip(Math.max(0, out.lines().count() - 4)).reduce("", (a, b) -> a + b + "\n");
            return "exit " + exitCode + "\n" + lastLines + err;
        }
    }
}
