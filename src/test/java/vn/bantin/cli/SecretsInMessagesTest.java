package vn.bantin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret written by mistake where the name of its environment variable belongs, or in a URL, is never repeated by
 * the message that reports it: the person reading the terminal (or a log collecting it) may not be the one who
 * should see it.
 */
class SecretsInMessagesTest {
    private static final String SECRET = "Hunter2s3cret";

    @TempDir
    Path tmp;

    private Path config(String extra) throws IOException {
        Path config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"))
                + "\nout.dir=" + tmp.resolve("out") + "\noutbox.dir=" + tmp.resolve("outbox") + "\n"
                + vn.bantin.store.TestStores.properties(tmp.resolve("var")) + extra + "\n", StandardCharsets.UTF_8);
        Files.copy(Path.of("config/recipients.csv"), config.resolve("recipients.csv"));
        return config;
    }

    private static CliRun run(Path config) {
        return CliRun.of("run", "--period", "2022-12", "--bulletin", "province", "--config", config.toString());
    }

    @Test
    void aPasswordInPlaceOfItsVariableNameIsNotRepeated() throws IOException {
        Path config = config("smtp.host=127.0.0.1\nsmtp.username=bantin\nsmtp.password-env=" + SECRET + "!#");
        CliRun r = run(config);
        assertEquals(2, r.exitCode());
        assertEquals("error: " + config.resolve("bantin.properties") + ": smtp.password-env is not the name of an environment"
                + " variable (letters, digits and _, not starting with a digit); its value is not shown, since it may be the"
                + " secret itself: put the secret in the environment and only the variable's name here, e.g."
                + " smtp.password-env=BANTIN_SMTP_PASSWORD\n", r.err());
        assertFalse((r.out() + r.err()).contains("Hunter2"), r.err());
    }

    @Test
    void aPasswordThatLooksLikeAVariableNameIsNotRepeatedEither() throws IOException {
        CliRun r = run(config("smtp.host=127.0.0.1\nsmtp.username=bantin\nsmtp.password-env=" + SECRET));
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("is set up with user 'bantin', whose password must be in the environment variable that"
                + " smtp.password-env names, which is not set"), r.err());
        assertFalse((r.out() + r.err()).contains("Hunter2"), r.err());
    }

    @Test
    void aStoreUrlWithAPasswordIsNotRepeated() throws IOException {
        Path config = config("");
        String valid = Files.readString(config.resolve("bantin.properties"));
        Files.writeString(config.resolve("bantin.properties"),
                valid.replace("store.url=" + CliRun.store(tmp), "store.url=jdbc:postgresql://db/bantin?password=" + SECRET));
        CliRun r = CliRun.of("history", "--config", config.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("store.url=jdbc:postgresql://db/bantin… is not valid"), r.err());
        assertFalse(r.err().contains("Hunter2"), r.err());

        Files.writeString(config.resolve("bantin.properties"), valid);
        CliRun h2 = CliRun.of("history", "--config", config.toString(), "--store", CliRun.h2Store(tmp) + ";PASSWORD=" + SECRET);
        assertEquals(1, h2.exitCode());
        assertTrue(h2.err().contains("carries a user or password setting"), h2.err());
        assertFalse(h2.err().contains("Hunter2"), h2.err());
    }
}
