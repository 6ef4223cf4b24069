package vn.bantin.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * A relay that answers 5xx to every recipient: the run is not "succeeded", every message says what will and will not
 * be tried again, a plain re-run sends nothing, and {@code run --resend-failed} (after the relay is fixed) says what it
 * sends again, then sends each refused message once.
 */
class RefusingRelayTest {
    @TempDir
    Path tmp;

    @Test
    void refusedMessagesAreSentAgainOnRequestAndTheRunIsNeverSucceededMeanwhile() throws Exception {
        Path config;
        try (SmtpStub relay = SmtpStub.refusingRecipients("554 5.7.1 Relay access denied")) {
            config = CliInTest.config(tmp, relay.port(), "");
            CliInTest refused = CliInTest.of("run", "--period", "2022-12", "--config", config.toString());
            assertEquals(1, refused.exitCode(), refused.toString());
            assertTrue(refused.err().contains("5 refused by the server: not tried again by itself"), refused.toString());
            assertTrue(refused.err().contains("bantin run --period 2022-12 --resend-failed"), refused.toString());
            assertFalse((refused.out() + refused.err()).contains("the next run tries them again"), refused.toString());

            CliInTest history = CliInTest.of("history", "--config", config.toString());
            assertTrue(history.out().contains("incomplete"), history.toString());
            assertTrue(history.out().contains("0 sent, 0 sent before, 5 not delivered"), history.toString());
            assertFalse(history.out().contains("succeeded"), history.toString());

            CliInTest again = CliInTest.of("run", "--period", "2022-12", "--config", config.toString());
            assertEquals(1, again.exitCode(), again.toString());
            assertEquals(0, relay.accepted(), "a plain re-run does not send refused messages again");
        }

        GreenMail fixed = new GreenMail(new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        fixed.start();
        try {
            config = CliInTest.config(tmp, fixed.getSmtp().getPort(), "");
            CliInTest resend = CliInTest.of("run", "--period", "2022-12", "--resend-failed", "--config", config.toString());
            assertEquals(0, resend.exitCode(), resend.toString());
            assertTrue(resend.out().contains("resend-failed: 5 message(s) of 2022-12 were refused or failed and are sent again"),
                    resend.toString());
            for (String leader : CliInTest.LEADERS) {
                assertTrue(resend.out().contains(leader), leader + " named before the send\n" + resend);
            }
            Map<String, Integer> received = new TreeMap<>();
            for (MimeMessage m : fixed.getReceivedMessages()) {
                received.merge(m.getAllRecipients()[0].toString().replaceAll(".*<|>.*", ""), 1, Integer::sum);
            }
            Map<String, Integer> once = new TreeMap<>();
            CliInTest.LEADERS.forEach(e -> once.put(e, 1));
            once.put(CliInTest.SXD, 1);
            assertEquals(once, received);

            CliInTest history = CliInTest.of("history", "--config", config.toString(), "--runs", "1");
            assertTrue(history.out().contains("succeeded"), history.toString());
            assertTrue(history.out().contains("5 sent, 0 sent before, 0 not delivered"), history.toString());

            CliInTest nothingLeft = CliInTest.of("run", "--period", "2022-12", "--resend-failed", "--config", config.toString());
            assertEquals(0, nothingLeft.exitCode(), nothingLeft.toString());
            assertTrue(nothingLeft.out().contains("nothing to send again"), nothingLeft.toString());
            assertEquals(5, fixed.getReceivedMessages().length);
        } finally {
            fixed.stop();
        }
    }
}
