package vn.bantin.run;

import java.time.Clock;

import vn.bantin.config.Settings;
import vn.bantin.delivery.OutboxSender;
import vn.bantin.delivery.Sender;
import vn.bantin.delivery.SmtpSender;

/** The sender config asks for: the mail server of smtp.host, or the outbox folder when none is set. */
public final class Senders {
    private Senders() {
    }

    public static Sender from(Settings settings, Clock clock) {
        return settings.mail().smtp() == null
                ? new OutboxSender(settings.outboxDir(), settings.mailFrom(), clock)
                : new SmtpSender(settings.mail().smtp(), settings.mailFrom(), clock);
    }

    public static String describe(Settings settings) {
        return settings.mail().smtp() == null ? "outbox " + settings.outboxDir() : "mail server " + settings.mail().smtp().server();
    }
}
