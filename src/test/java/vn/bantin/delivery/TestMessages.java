package vn.bantin.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** A bulletin message as the run composes it, with a PDF and a workbook attached. */
final class TestMessages {
    static final MailFrom FROM = new MailFrom("bantin@bacninh.gov.vn", "Sở Thông tin và Truyền thông");
    static final byte[] PDF = "%PDF-1.7\n% bản tin tháng 12\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    static final byte[] XLSX = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0, (byte) 0xff, (byte) 0xfe, 0, 1};

    private TestMessages() {
    }

    static Message message(Path dir, String email) throws IOException {
        Path pdf = dir.resolve("ban-tin-2022-12-tinh.pdf");
        Path xlsx = dir.resolve("ban-tin-2022-12-tinh.xlsx");
        if (!Files.exists(pdf)) {
            Files.write(pdf, PDF);
            Files.write(xlsx, XLSX);
        }
        Recipient to = new Recipient("S1", "Nguyễn Văn Ánh", email, Set.of("province"));
        return new Message(to, "Bản tin chuyển đổi số tháng 12/2022", "<p>Kính gửi <b>Nguyễn Văn Ánh</b>: tỷ lệ 93,78%</p>",
                "Kính gửi Nguyễn Văn Ánh: tỷ lệ 93,78%", List.of(pdf, xlsx), "ban-tin-2022-12-tinh--" + email);
    }
}
