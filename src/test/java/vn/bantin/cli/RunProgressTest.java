package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** What a person watching a run sees: milestones in a log, one line counting in place on a terminal. */
class RunProgressTest {

    private static String watch(boolean terminal, int units, int failedAt) {
        StringWriter text = new StringWriter();
        RunProgress p = new RunProgress(new PrintWriter(text, true), terminal, units, units);
        p.rendered(Path.of("out/2022/tinh/ban-tin-2022-tinh.pdf"));
        for (int i = 1; i <= units; i++) {
            p.rendered(Path.of("out/2022/don-vi/ban-tin-2022-u" + i + ".pdf"));
        }
        for (int i = 1; i <= units; i++) {
            p.delivered("u" + i + "@x.vn", i == failedAt ? "not delivered: 550 no such user" : "outbox/u" + i + ".eml");
        }
        return text.toString();
    }

    @Test
    void aLogGetsALineAtEachQuarterAndOneForEachFailure() {
        assertEquals("""
                  rendered ban-tin-2022-tinh.pdf
                  rendered 2/8 unit bulletins
                  rendered 4/8 unit bulletins
                  rendered 6/8 unit bulletins
                  rendered 8/8 unit bulletins
                  sent     2/8 messages
                  NOT SENT u3@x.vn: not delivered: 550 no such user
                  sent     4/8 messages
                  sent     6/8 messages
                  sent     8/8 messages
                """, watch(false, 8, 3));
    }

    @Test
    void aTerminalGetsOneLineCountingInPlace() {
        String shown = watch(true, 3, 2);
        assertEquals("  rendered ban-tin-2022-tinh.pdf\n"
                + "\r  rendered 1/3 unit bulletins\r  rendered 2/3 unit bulletins\r  rendered 3/3 unit bulletins\n"
                + "\r  sent     1/3 messages\n  NOT SENT u2@x.vn: not delivered: 550 no such user\n"
                + "\r  sent     2/3 messages\r  sent     3/3 messages\n", shown);
    }
}
