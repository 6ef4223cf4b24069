package vn.bantin.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Writes each message as an {@code .eml} file, which any mail program opens: what would be sent, when no
 * mail server is configured. A file appears under its final name only once complete.
 */
public final class OutboxSender implements Sender {
    private final Path outbox;
    private final MailFrom from;
    private final Clock clock;
    private final Session session = MimeMessages.session(new Properties());

    public OutboxSender(Path outbox, MailFrom from, Clock clock) {
        this.outbox = outbox;
        this.from = from;
        this.clock = clock;
    }

    @Override
    public String send(Message message) throws DeliveryException {
        Path target = outbox.resolve(message.fileStem() + ".eml");
        try {
            Files.createDirectories(outbox);
            MimeMessage mime = MimeMessages.build(session, from, message, ZonedDateTime.now(clock));
            Path tmp = Files.createTempFile(outbox, ".sending-", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    mime.writeTo(out);
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target.toString();
        } catch (IOException | MessagingException e) {
            if (Failure.classify(e) == Failure.LOCAL) {
                String why = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
                throw new DeliveryException("the outbox folder " + outbox + " cannot be written (" + why + "): make it writable or"
                        + " free some space (outbox.dir, or --outbox), then run again", e, Failure.LOCAL);
            }
            throw new DeliveryException("could not write " + target + ": " + e.getMessage(), e);
        }
    }
}
