package vn.bantin.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.config.ConfigLoader;
import vn.bantin.config.Settings;
import vn.bantin.delivery.Sender;
import vn.bantin.indicator.Period;
import vn.bantin.store.Claim;
import vn.bantin.store.Database;
import vn.bantin.store.DeliveryKey;
import vn.bantin.store.DeliveryLedger;
import vn.bantin.store.RunRow;
import vn.bantin.store.RunStatus;
import vn.bantin.store.RunStore;

/**
 * A run that dies of an error (here an OutOfMemoryError in the middle of a send) is recorded as ended, with the
 * cause, and the claim it held is released for the next run instead of waiting out its lease.
 */
class RunEndsRecordedTest {
    private static final String LEADER = "chutich@bacninh.gov.vn";

    @TempDir
    Path tmp;

    @Test
    void anOutOfMemoryErrorEndsTheRunRecordedAsFailedAndReleasesItsClaim() throws Exception {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"))
                + "\n" + vn.bantin.store.TestStores.properties(tmp.resolve("var")) + "out.dir=" + tmp.resolve("out")
                + "\noutbox.dir=" + tmp.resolve("outbox") + "\n", StandardCharsets.UTF_8);
        Files.writeString(config.resolve("recipients.csv"), "unit,name,email,bulletins\n,Chủ tịch UBND tỉnh," + LEADER
                + ",province\n", StandardCharsets.UTF_8);
        Settings settings = ConfigLoader.load(config);
        Sender dying = message -> {
            throw new OutOfMemoryError("Java heap space");
        };
        Period december = Period.parse("2022-12");
        try (Database db = Database.open(settings.store())) {
            BulletinRun run = new BulletinRun(settings, dying, Clock.systemUTC(), RunListener.QUIET, db.dataSource(), wait -> { });
            assertThrows(OutOfMemoryError.class, () -> run.run(new RunRequest(december, Set.of(RunRequest.PROVINCE), Set.of(),
                    false, "test")));

            RunRow recorded = new RunStore(db.dataSource(), Clock.systemUTC()).recent(1).get(0);
            assertEquals(RunStatus.FAILED, recorded.status());
            assertTrue(recorded.message().startsWith("out of memory (Java heap space)"), recorded.message());
            assertTrue(recorded.finishedAt() != null);

            new RunStore(db.dataSource(), Clock.systemUTC()).markAbandoned();
            Claim next = new DeliveryLedger(db.dataSource(), Clock.systemUTC())
                    .claim(new DeliveryKey(RunRequest.PROVINCE, december.key(), LEADER), null, null);
            assertEquals(Claim.Send.class, next.getClass(), "the ended run's claim is released at once");
        }
    }
}
