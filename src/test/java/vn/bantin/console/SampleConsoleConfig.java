package vn.bantin.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled config, with its output folders in the test's folder and the console on a free loopback port. */
final class SampleConsoleConfig {
    private SampleConsoleConfig() {
    }

    /** Writes it to {@code tmp/config} and returns that folder. */
    static Path in(Path tmp) throws IOException {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"))
                + "\nout.dir=" + tmp.resolve("out") + "\noutbox.dir=" + tmp.resolve("outbox") + "\nconsole.listen=127.0.0.1:0\n",
                StandardCharsets.UTF_8);
        Files.copy(Path.of("config/recipients.csv"), config.resolve("recipients.csv"));
        Files.copy(Path.of("config/schedules.properties"), config.resolve("schedules.properties"));
        return config;
    }
}
