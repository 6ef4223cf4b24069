package vn.bantin.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import vn.bantin.indicator.Period;
import vn.bantin.store.Database;
import vn.bantin.store.DeliveryLedger;
import vn.bantin.store.RunStore;
import vn.bantin.store.SettableClock;
import vn.bantin.store.TestStores;

/**
 * The SMTP password appears nowhere but on the wire to the server: not in a log line at any level (ours, or Jakarta
 * Mail's through java.util.logging), not in Jakarta Mail's protocol trace even when it is turned on, not in an
 * exception message, not in the ledger, not in a toString.
 */
class PasswordSecrecyTest {
    private static final String RIGHT = "Rt-Secret-93f1e";
    private static final String WRONG = "Wr-Secret-c07d2";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort()})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("bantin@bacninh.gov.vn", "bantin", RIGHT));

    @TempDir
    Path dir;

    /** Everything that logs through SLF4J on the sending side (GreenMail stands for the server: its log is not ours). */
    private static final List<String> OURS = List.of("vn.bantin", "org.eclipse.angus", "jakarta.mail", "org.flywaydb");
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final List<String> julLines = new ArrayList<>();
    private final Handler jul = new Handler() {
        @Override
        public void publish(LogRecord r) {
            julLines.add(r.getLoggerName() + " " + new java.util.logging.SimpleFormatter().formatMessage(r)
                    + (r.getThrown() == null ? "" : " " + r.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final ByteArrayOutputStream trace = new ByteArrayOutputStream();
    private PrintStream stdout;

    @BeforeEach
    void captureEverything() {
        events.start();
        for (String name : OURS) {
            Logger l = (Logger) LoggerFactory.getLogger(name);
            l.setLevel(Level.ALL);
            l.setAdditive(false);
            l.addAppender(events);
        }
        for (String name : List.of("org.eclipse.angus", "jakarta.mail")) {
            java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
            l.setLevel(java.util.logging.Level.ALL);
            l.addHandler(jul);
        }
        stdout = System.out;
        System.setOut(new PrintStream(trace, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        for (String name : OURS) {
            Logger l = (Logger) LoggerFactory.getLogger(name);
            l.detachAppender(events);
            l.setLevel(null);
            l.setAdditive(true);
        }
        for (String name : List.of("org.eclipse.angus", "jakarta.mail")) {
            java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
            l.removeHandler(jul);
            l.setLevel(null);
        }
    }

    @Test
    void thePasswordIsNeverLoggedTracedOrTold() throws Exception {
        Properties debug = SmtpSenderTest.trustTestCertificate();
        debug.setProperty("mail.debug", "true");
        List<String> told = new ArrayList<>();
        SettableClock clock = new SettableClock();

        try (Database db = TestStores.open(dir)) {
            DeliveryLedger ledger = new DeliveryLedger(db.dataSource(), clock);
            long run = new RunStore(db.dataSource(), clock).start("province", Period.parse("2022-12"), Map.of(), Map.of());
            for (SmtpSettings.Security security : List.of(SmtpSettings.Security.NONE, SmtpSettings.Security.SMTPS)) {
                int port = security == SmtpSettings.Security.NONE ? MAIL.getSmtp().getPort() : MAIL.getSmtps().getPort();
                SmtpSettings settings = new SmtpSettings("127.0.0.1", port, security, "bantin", "BANTIN_SMTP_PASSWORD",
                        Duration.ofSeconds(5), Duration.ofSeconds(5));
                told.add(settings.toString());
                for (String password : List.of(RIGHT, WRONG)) {
                    SmtpSender smtp = new SmtpSender(settings, TestMessages.FROM, clock, Map.of("BANTIN_SMTP_PASSWORD", password)::get, debug);
                    told.add(smtp.toString());
                    LedgerDelivery d = new LedgerDelivery(ledger, new RetryingSender(smtp, Backoff.none(), x -> { }),
                            new Backoff(2, Duration.ZERO, 1, Duration.ZERO), x -> { });
                    String to = security.id() + "-" + (password.equals(RIGHT) ? "right" : "wrong") + "@bacninh.gov.vn";
                    told.add(String.valueOf(d.deliver("province", "2022-12", TestMessages.message(dir, to), run)));
                    DeliveryException e = assertThrows(DeliveryException.class,
                            () -> new SmtpSender(settings, TestMessages.FROM, clock, Map.of("BANTIN_SMTP_PASSWORD", WRONG)::get, debug)
                                    .send(TestMessages.message(dir, to)));
                    told.add(e.getMessage());
                    told.add(String.valueOf(e));
                }
            }
            ledger.list("province", "2022-12").forEach(r -> told.add(r.toString()));
        }
        // A server that is down, a recipient refused: the failures a log is most likely to show.
        told.add(assertThrows(DeliveryException.class, () -> new SmtpSender(SmtpSenderTest.plain(FreePort.find(), "bantin"),
                TestMessages.FROM, clock, Map.of("BANTIN_SMTP_PASSWORD", RIGHT)::get, debug).send(TestMessages.message(dir, "a@b.vn")))
                .getMessage());

        assertEquals(2, MAIL.getReceivedMessages().length, "the right password got through, once per security");
        String traced = trace.toString(StandardCharsets.UTF_8);
        assertTrue(traced.contains("AUTH"), "the protocol trace was on:\n" + traced);

        List<String> everything = new ArrayList<>(told);
        everything.add(traced);
        everything.addAll(julLines);
        assertFalse(events.list.isEmpty(), "our loggers were heard");
        for (ILoggingEvent ev : events.list) {
            everything.add(ev.getFormattedMessage() + (ev.getThrowableProxy() == null ? "" : " " + ev.getThrowableProxy().getMessage()));
        }
        assertTrue(everything.stream().anyMatch(s -> s.contains("did not accept user 'bantin'")), "the failures were seen");
        for (String password : List.of(RIGHT, WRONG)) {
            for (String form : forms(password)) {
                for (String s : everything) {
                    assertFalse(s.contains(form), "'" + form + "' (the password " + password + ") is in: " + s);
                }
            }
        }
    }

    /** The password as such, and as AUTH LOGIN and AUTH PLAIN carry it. */
    private static List<String> forms(String password) {
        Base64.Encoder b64 = Base64.getEncoder();
        return List.of(password, b64.encodeToString(password.getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(("\0bantin\0" + password).getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(("bantin\0bantin\0" + password).getBytes(StandardCharsets.UTF_8)));
    }
}
