package vn.bantin.delivery;

import java.nio.file.Path;
import java.util.List;

/**
 * One email to one recipient: an HTML body with its plain-text alternative, and the bulletin files attached.
 * {@code messageId} is the left part of its Message-ID ({@code <messageId@sender's domain>}), stable for one
 * delivery so that a copy sent again is recognisable; null lets the mail library make one up.
 */
public record Message(Recipient to, String subject, String html, String text, List<Path> attachments, String fileStem,
                      String messageId) {

    public Message(Recipient to, String subject, String html, String text, List<Path> attachments, String fileStem) {
        this(to, subject, html, text, attachments, fileStem, null);
    }

    public Message withMessageId(String id) {
        return new Message(to, subject, html, text, attachments, fileStem, id);
    }
}
