package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.indicator.Period;
import vn.bantin.store.Claim;
import vn.bantin.store.Database;
import vn.bantin.store.DeliveryKey;
import vn.bantin.store.DeliveryLedger;
import vn.bantin.store.NodeName;
import vn.bantin.store.RunStatus;
import vn.bantin.store.RunStore;
import vn.bantin.store.RunTotals;
import vn.bantin.store.StoreAddress;
import vn.bantin.store.TestStores;

/**
 * history names the node that ran each batch of a request and the node that sent each message: one request whose
 * province batch ran here and whose unit batch ran on another node of the cluster.
 */
class HistoryNodesTest {
    private static final String OTHER = "777@node-b";

    @TempDir
    Path tmp;

    @Test
    void historyShowsWhichNodeRanEachBatchAndSentEachMessage() throws Exception {
        try (TestStores.Fresh store = TestStores.fresh(tmp.resolve("var"))) {
            Path config = config(store.address());
            Period december = Period.parse("2022-12");
            long here;
            long there;
            try (Database db = store.open()) {
                RunStore runs = new RunStore(db.dataSource(), Clock.systemUTC());
                DeliveryLedger ledger = new DeliveryLedger(db.dataSource(), Clock.systemUTC());
                here = runs.begin("province", december, "req-1", "schedule monthly of 2023-01-03T07:30");
                send(ledger, new DeliveryKey("province", "2022-12", "", "chutich@bacninh.gov.vn"), here);
                runs.end(here, RunStatus.SUCCEEDED, new RunTotals(1, 1, 0, 0), "1 made, 1 sent, 0 sent before, 0 not delivered");
                there = runs.begin("unit", december, "req-1", "schedule monthly of 2023-01-03T07:30, batch 2/2");
                long delivery = send(ledger, new DeliveryKey("unit", "2022-12", "SXD", "vanthu.sxd@bacninh.gov.vn"), there);
                runs.end(there, RunStatus.SUCCEEDED, new RunTotals(1, 1, 0, 0), "1 made, 1 sent, 0 sent before, 0 not delivered");
                // What the other node's process would have recorded.
                try (Connection c = db.dataSource().getConnection();
                     PreparedStatement run = c.prepareStatement("UPDATE run SET owner = ? WHERE id = ?");
                     PreparedStatement sent = c.prepareStatement("UPDATE delivery SET sent_by = ? WHERE id = ?")) {
                    run.setString(1, OTHER + "@1700000000000");
                    run.setLong(2, there);
                    run.executeUpdate();
                    sent.setString(1, OTHER);
                    sent.setLong(2, delivery);
                    sent.executeUpdate();
                }
            }

            CliRun history = CliRun.of("history", "--config", config.toString());
            assertEquals(0, history.exitCode(), history.err());
            assertTrue(history.out().contains("2 made, 2 sent, 0 sent before, 0 not delivered in 2 batches"), history.out());
            assertTrue(history.out().contains("#" + here + " province succeeded on " + NodeName.current() + ": 1 made"),
                    "the batch run here, by this node's name\n" + history.out());
            assertTrue(history.out().contains("#" + there + " unit succeeded on " + OTHER + ": 1 made"),
                    "the batch run on the other node\n" + history.out());

            CliRun province = CliRun.of("history", "--config", config.toString(), "--period", "2022-12");
            assertTrue(province.out().lines().anyMatch(l -> l.contains("chutich@bacninh.gov.vn")
                    && l.contains("sent by " + NodeName.current())), province.out());
            CliRun unit = CliRun.of("history", "--config", config.toString(), "--period", "2022-12", "--bulletin", "unit");
            assertTrue(unit.out().lines().anyMatch(l -> l.contains("vanthu.sxd@bacninh.gov.vn") && l.contains("sent by " + OTHER)),
                    unit.out());
        }
    }

    /** Claims and records as sent, as a sender does once the server said 250; returns the row's id. */
    private static long send(DeliveryLedger ledger, DeliveryKey key, long runId) {
        Claim.Send send = (Claim.Send) ledger.claim(key, null, runId);
        ledger.markSent(send, "<bantin.test." + runId + "@bacninh.gov.vn>");
        return send.deliveryId();
    }

    private Path config(StoreAddress store) throws Exception {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"))
                + "\nout.dir=" + tmp.resolve("out") + "\noutbox.dir=" + tmp.resolve("outbox")
                + "\nstore.url=" + store.url() + "\n"
                + (store.isServer() ? "store.user=" + store.user() + "\nstore.archive=" + tmp.resolve("archive") + "\n" : ""),
                StandardCharsets.UTF_8);
        Files.copy(Path.of("config/recipients.csv"), config.resolve("recipients.csv"));
        return config;
    }
}
