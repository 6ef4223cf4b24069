package vn.bantin.delivery;

import java.nio.file.Path;
import java.util.List;

/** One email to one recipient: an HTML body with its plain-text alternative, and the bulletin files attached. */
public record Message(Recipient to, String subject, String html, String text, List<Path> attachments, String fileStem) {}
