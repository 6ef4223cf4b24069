package vn.bantin.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bantin.source.RemoteSource;
import vn.bantin.source.SourceFile;

/** The source.<file>.jdbc.* and http.* keys: read with their defaults, and every slip named with its key and fix. */
class RemoteSourceConfigTest {
    @TempDir
    Path dir;

    private Settings load(String extra) throws IOException {
        Files.writeString(dir.resolve("bantin.properties"), extra, StandardCharsets.UTF_8);
        Files.copy(Path.of("config/recipients.csv"), dir.resolve("recipients.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return ConfigLoader.load(dir);
    }

    private String refused(String extra) {
        return assertThrows(ConfigException.class, () -> load(extra)).getMessage();
    }

    @Test
    void aQueryAndAServiceAreReadWithTheirDefaults() throws IOException {
        Settings s = load("source.documents.jdbc.url=jdbc:postgresql://db:5432/qlvb\nsource.documents.jdbc.user=bantin\n"
                + "source.documents.jdbc.password-env=QLVB_PASSWORD\n"
                + "source.documents.jdbc.query=SELECT * FROM vb WHERE ngay BETWEEN :period_start AND :period_end\n"
                + "source.feedback.http.url=https://pakn.example/api?from={period_start}&page={page}\n"
                + "source.feedback.http.rows=items\nsource.feedback.http.token-env=PAKN_TOKEN\n");
        RemoteSource.Jdbc jdbc = (RemoteSource.Jdbc) s.inputs().remotes().get(SourceFile.DOCUMENTS);
        assertEquals(1000, jdbc.fetchSize());
        assertEquals("QLVB_PASSWORD", jdbc.passwordEnv());
        RemoteSource.Http http = (RemoteSource.Http) s.inputs().remotes().get(SourceFile.FEEDBACK);
        assertEquals(RemoteSource.Format.JSON, http.format());
        assertEquals(Duration.ofSeconds(10), http.connectTimeout());
        assertEquals(Duration.ofMinutes(1), http.readTimeout());
        assertEquals(3, http.retries());
        assertTrue(http.paged());
        assertFalse(s.inputs().remotes().containsKey(SourceFile.UNITS), "units stay a file of the data folder");
        assertEquals(Path.of("var/inputs").toAbsolutePath(), s.inputsDir(), "beside the store's archive by default");
    }

    @Test
    void slipsAreNamedWithTheKeyAndTheFix() {
        assertTrue(refused("source.documents.jdbc.fetchsize=500\n").contains("did you mean 'source.documents.jdbc.fetch-size'?"));
        assertTrue(refused("source.documents.http.format=xml\nsource.documents.http.url=https://x.example/a\n")
                .contains("source.documents.http.format=xml is not valid; expected csv or json"));
        assertTrue(refused("source.documents.jdbc.url=jdbc:postgresql://db/x\nsource.documents.http.url=https://x.example/a\n"
                + "source.documents.jdbc.query=SELECT 1\n").contains("are both set"));
        assertTrue(refused("source.documents.jdbc.url=jdbc:postgresql://db/x\n").contains("source.documents.jdbc.query="));
        assertTrue(refused("source.documents.jdbc.url=jdbc:postgresql://db/x\nsource.documents.jdbc.query=SELECT :from_day\n")
                .contains("unknown parameter :from_day; the parameters are :period_start, :period_end and :as_of"));
        assertTrue(refused("source.documents.http.url=https://x.example/a?p={pg}\n")
                .contains("unknown placeholder {pg}"));
        assertTrue(refused("source.documents.jdbc.query=SELECT 1\n")
                .contains("source.documents.jdbc.query is set but source.documents.jdbc.url is not"));
        assertTrue(refused("inputs.keep=0\n").contains("inputs.keep=0 is not valid"));
    }

    @Test
    void secretsAreNeverInTheFileNorRepeated() {
        String inUrl = refused("source.documents.jdbc.url=jdbc:postgresql://db/x?user=a&password=hunter2\n"
                + "source.documents.jdbc.query=SELECT 1\n");
        assertTrue(inUrl.contains("holds a password") && !inUrl.contains("hunter2"), inUrl);
        String token = refused("source.feedback.http.url=https://x.example/a\nsource.feedback.http.token-env=eyJhbGciOi.xyz\n");
        assertTrue(token.contains("is not the name of an environment variable") && !token.contains("eyJhbGciOi"), token);
    }
}
