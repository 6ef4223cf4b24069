package vn.bantin.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editable files' history in a real store, as the program's own user keeps it. */
class FileVersionsTest {
    @TempDir
    Path dir;

    @Test
    void versionsCountPerFileAndKeepTheirBytesWhoAndWhen() {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-30T02:00:00Z"));
        try (Database db = TestStores.open(dir)) {
            FileVersions v = new FileVersions(db.dataSource(), clock);
            v.add(FileVersions.TEMPLATES, "unit.jrxml", bytes("một"), "(in the folder)", "found");
            clock.advance(java.time.Duration.ofHours(1));
            v.add(FileVersions.TEMPLATES, "unit.jrxml", bytes("hai"), "chi", "published");
            v.add(FileVersions.CONFIG, "recipients.csv", bytes("unit,name,email,bulletins\n"), "hoa", "saved");

            List<FileVersion> history = v.history(FileVersions.TEMPLATES, "unit.jrxml");
            assertEquals(List.of(2, 1), history.stream().map(FileVersion::version).toList());
            assertEquals("chi", history.get(0).changedBy());
            assertEquals(Instant.parse("2026-11-30T03:00:00Z"), history.get(0).changedAt());
            assertEquals(FileVersions.sha256(bytes("hai")), history.get(0).sha256());
            assertArrayEquals(bytes("một"), v.content(history.get(1)));
            assertEquals(List.of("unit.jrxml"), v.latest(FileVersions.TEMPLATES).stream().map(FileVersion::path).toList());
            assertEquals(2, v.latest(FileVersions.TEMPLATES).get(0).version());
        }
    }

    @Test
    void twoEditorsRecordingOneFileAtOnceGetTwoVersions() throws Exception {
        try (Database db = TestStores.open(dir)) {
            FileVersions v = new FileVersions(db.dataSource(), java.time.Clock.systemUTC());
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<FileVersion>> done = new ArrayList<>();
            for (String who : List.of("chi", "lan")) {
                done.add(pool.submit(() -> {
                    together.await();
                    return v.add(FileVersions.TEMPLATES, "styles.jrtx", bytes(who), who, "published");
                }));
            }
            List<Integer> numbers = new ArrayList<>();
            for (Future<FileVersion> f : done) {
                numbers.add(f.get().version());
            }
            pool.shutdown();
            assertEquals(List.of(1, 2), numbers.stream().sorted().toList());
        }
    }

    @Test
    void aCandidateIsClosedOnce() {
        try (Database db = TestStores.open(dir)) {
            FileVersions v = new FileVersions(db.dataSource(), java.time.Clock.systemUTC());
            Candidate c = v.stage(FileVersions.TEMPLATES, "unit.jrxml", bytes("<x/>"), null,
                    List.of("templates/unit.jrxml:3: not well-formed XML"), "chi");
            assertEquals(List.of(c), v.staged(FileVersions.TEMPLATES));
            assertEquals(List.of("templates/unit.jrxml:3: not well-formed XML"), c.problems());

            assertTrue(v.close(c.id(), Candidate.DISCARDED, "chi"));
            assertFalse(v.close(c.id(), Candidate.PUBLISHED, "lan"), "a discarded candidate is not published");
            assertEquals(Candidate.DISCARDED, v.candidate(c.id()).orElseThrow().state());
            assertTrue(v.staged(FileVersions.TEMPLATES).isEmpty());
            assertArrayEquals(bytes("<x/>"), v.content(c));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
