package vn.bantin.delivery;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import vn.bantin.cli.Main;

/**
 * The CLI run in-process against a config folder of a test's own: the sample's settings with a mail server on
 * loopback, a store, out and outbox under the test's folder, and the recipients given.
 */
public record CliInTest(int exitCode, String out, String err) {

    public static final List<String> LEADERS = List.of("chutich@bacninh.gov.vn", "vanphong.ubnd@bacninh.gov.vn",
            "lanhdao.stttt@bacninh.gov.vn", "vanthu.stttt@bacninh.gov.vn");
    public static final String SXD = "vanthu.sxd@bacninh.gov.vn";

    /** Writes {@code tmp/config} for a server at {@code smtpPort} (again: the port changes), four leaders and SXD. */
    public static Path config(Path tmp, int smtpPort, String extraProperties) throws IOException {
        Path config = Files.createDirectories(tmp.resolve("config"));
        String props = Files.readString(Path.of("config/bantin.properties"), StandardCharsets.UTF_8)
                + "\nsmtp.host=127.0.0.1\nsmtp.port=" + smtpPort + "\nsmtp.security=none\n"
                + vn.bantin.store.TestStores.properties(tmp.resolve("var"))
                + "out.dir=" + tmp.resolve("out") + "\noutbox.dir=" + tmp.resolve("outbox") + "\n" + extraProperties;
        Files.writeString(config.resolve("bantin.properties"), props, StandardCharsets.UTF_8);
        StringBuilder recipients = new StringBuilder("unit,name,email,bulletins\n");
        LEADERS.forEach(e -> recipients.append(",Lãnh đạo,").append(e).append(",province\n"));
        recipients.append("SXD,Văn thư Sở Xây dựng,").append(SXD).append(",unit\n");
        Files.writeString(config.resolve("recipients.csv"), recipients, StandardCharsets.UTF_8);
        return config;
    }

    public static CliInTest of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliInTest(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
