package vn.bantin.delivery;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** What a test's mail server received as attachments, to compare with what the store archived. */
public final class ReceivedAttachments {
    private ReceivedAttachments() {
    }

    /** Each attachment received, by "address/file name". */
    public static Map<String, byte[]> of(MimeMessage[] messages) throws Exception {
        Map<String, byte[]> out = new HashMap<>();
        for (MimeMessage m : messages) {
            String to = m.getAllRecipients()[0].toString().replaceAll(".*<|>.*", "");
            collect(m, to, out);
        }
        return out;
    }

    private static void collect(Part part, String to, Map<String, byte[]> out) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                collect(mp.getBodyPart(i), to, out);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
            try (InputStream in = part.getInputStream()) {
                out.put(to + "/" + part.getFileName(), in.readAllBytes());
            }
        }
    }
}
