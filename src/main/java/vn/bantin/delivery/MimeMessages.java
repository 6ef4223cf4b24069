package vn.bantin.delivery;

import java.io.UnsupportedEncodingException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

/** Builds the MIME form of a message: multipart/mixed of (multipart/alternative text + HTML) and the attachments. */
final class MimeMessages {
    private MimeMessages() {
    }

    static MimeMessage build(Session session, MailFrom from, Message m, ZonedDateTime sentAt) throws MessagingException {
        String domain = from.address().substring(from.address().indexOf('@') + 1);
        MimeMessage mime = m.messageId() == null ? new MimeMessage(session) : new MimeMessage(session) {
            // The same delivery keeps the same Message-ID from one attempt to the next (saveChanges would make a new one).
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + m.messageId() + "@" + domain + ">");
            }
        };
        try {
            mime.setFrom(new InternetAddress(from.address(), from.name(), "UTF-8"));
            mime.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(m.to().email(), m.to().name(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        // A subject carries text from the data: line breaks would let it forge headers.
        mime.setSubject(m.subject().replaceAll("[\\r\\n]+", " "), "UTF-8");

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(m.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(m.html(), "UTF-8", "html");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);

        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        for (Path file : m.attachments()) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new FileDataSource(file.toFile())));
            try {
                part.setFileName(MimeUtility.encodeText(file.getFileName().toString(), "UTF-8", null));
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
            part.setHeader("Content-Type", contentType(file) + "; name=\"" + file.getFileName() + "\"");
            mixed.addBodyPart(part);
        }
        mime.setContent(mixed);
        mime.saveChanges();
        // In the zone of the configured time zone, not the JVM's (saveChanges would not set it otherwise either).
        mime.setHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(sentAt));
        return mime;
    }

    static Session session(Properties props) {
        return Session.getInstance(props);
    }

    private static String contentType(Path file) {
        String n = file.getFileName().toString();
        if (n.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (n.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        if (n.endsWith(".docx")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        return "application/octet-stream";
    }
}
