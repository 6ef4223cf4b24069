package vn.bantin.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

class RetryingSenderTest {
    private static final Backoff QUICK = new Backoff(3, Duration.ofMillis(10), 2, Duration.ofSeconds(1));
    private static final Backoff.Sleeper NEVER = d -> fail("no retry expected, asked to wait " + d);

    @TempDir
    Path dir;

    @Test
    void aServerThatComesUpIsReachedByTheRetry() throws Exception {
        int port = FreePort.find();
        GreenMail later = new GreenMail(ServerSetupTest.SMTP.port(port));
        List<Duration> waits = new ArrayList<>();
        try {
            // The server starts while the sender waits after the first attempt.
            Backoff.Sleeper startServer = d -> {
                waits.add(d);
                later.start();
            };
            Sender sender = new RetryingSender(SmtpSenderTest.sender(SmtpSenderTest.plain(port, ""), ""), QUICK, startServer);
            String id = sender.send(TestMessages.message(dir, "a@bacninh.gov.vn"));

            assertEquals(List.of(Duration.ofMillis(10)), waits);
            assertEquals(1, later.getReceivedMessages().length);
            assertEquals(id, later.getReceivedMessages()[0].getMessageID());
        } finally {
            later.stop();
        }
    }

    @Test
    void aRejectedRecipientIsNotTriedAgain() throws IOException {
        try (SmtpStub stub = SmtpStub.refusingRecipients("550 5.1.1 no such user")) {
            Sender sender = new RetryingSender(SmtpSenderTest.sender(SmtpSenderTest.plain(stub.port(), ""), ""), QUICK, NEVER);
            DeliveryException e = assertThrows(DeliveryException.class, () -> sender.send(TestMessages.message(dir, "x@bacninh.gov.vn")));
            assertEquals(Failure.REJECTED, Failure.of(e));
            assertEquals(1, stub.connections());
        }
    }

    @Test
    void aSetupFailureIsNotTriedAgain() throws IOException {
        try (SmtpStub stub = SmtpStub.refusingRecipients("250 OK")) {
            SmtpSettings starttls = new SmtpSettings("127.0.0.1", stub.port(), SmtpSettings.Security.STARTTLS, "", null,
                    Duration.ofSeconds(5), Duration.ofSeconds(5));
            Sender sender = new RetryingSender(SmtpSenderTest.sender(starttls, ""), QUICK, NEVER);
            DeliveryException e = assertThrows(DeliveryException.class, () -> sender.send(TestMessages.message(dir, "x@bacninh.gov.vn")));
            assertEquals(Failure.SETUP, Failure.of(e));
            assertEquals(0, stub.accepted());
        }
    }

    @Test
    void aFailureThatLastsEndsAfterTheLastAttemptWithGrowingWaits() throws IOException {
        try (SmtpStub stub = SmtpStub.refusingRecipients("451 4.3.0 temporary failure")) {
            List<Duration> waits = new ArrayList<>();
            Sender sender = new RetryingSender(SmtpSenderTest.sender(SmtpSenderTest.plain(stub.port(), ""), ""), QUICK, waits::add);
            DeliveryException e = assertThrows(DeliveryException.class, () -> sender.send(TestMessages.message(dir, "x@bacninh.gov.vn")));
            assertEquals(Failure.TRANSIENT, Failure.of(e));
            assertEquals(List.of(Duration.ofMillis(10), Duration.ofMillis(20)), waits);
            assertEquals(3, stub.connections());
        }
    }

    @Test
    void anInterruptStopsTheWaiting() throws IOException {
        int port = FreePort.find();
        Sender sender = new RetryingSender(SmtpSenderTest.sender(SmtpSenderTest.plain(port, ""), ""), QUICK, d -> {
            throw new InterruptedException();
        });
        try {
            DeliveryException e = assertThrows(DeliveryException.class, () -> sender.send(TestMessages.message(dir, "x@bacninh.gov.vn")));
            assertTrue(e.getMessage().startsWith("stopped while waiting to send to x@bacninh.gov.vn again"), e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theWaitsGrowByTheFactorUpToTheLongest() {
        Backoff b = Backoff.DEFAULT;
        assertEquals(Duration.ZERO, b.delayBefore(1));
        assertEquals(Duration.ofSeconds(10), b.delayBefore(2));
        assertEquals(Duration.ofSeconds(30), b.delayBefore(3));
        assertEquals(Duration.ofSeconds(90), b.delayBefore(4));
        assertEquals(Duration.ofMinutes(5), b.delayBefore(9));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(0, Duration.ZERO, 2, Duration.ZERO));
    }
}
