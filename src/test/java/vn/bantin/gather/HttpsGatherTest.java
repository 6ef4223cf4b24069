package vn.bantin.gather;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * TLS is always verified: a service whose certificate no trusted authority signed is refused, with one line that
 * says so; naming its authority in http.ca-file lets the same gather through.
 */
class HttpsGatherTest {
    @TempDir
    Path tmp;

    @Test
    void anUntrustedCertificateIsRefusedAndTrustedThroughTheCaFile() throws Exception {
        Path keystore = tmp.resolve("service.p12");
        Path pem = tmp.resolve("service-ca.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "service", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore",
                keystore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "service", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", pem.toString());

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        byte[] units = Files.readAllBytes(GatherScene.SAMPLE.resolve("units.csv"));
        server.createContext("/units.csv", x -> {
            x.sendResponseHeaders(200, units.length);
            try (var out = x.getResponseBody()) {
                out.write(units);
            }
        });
        server.start();
        try {
            String source = "source.units.http.url=https://127.0.0.1:" + server.getAddress().getPort() + "/units.csv\n"
                    + "source.units.http.format=csv\nsource.units.http.retries=0\n";
            GatherScene untrusted = new GatherScene(tmp, "untrusted", source);
            GatherScene.Result refused = untrusted.cli("gather", "--period", "2022");
            assertEquals(1, refused.exitCode(), refused.toString());
            assertTrue(refused.err().contains("units (") && refused.err().contains("TLS connection failed"), refused.toString());
            assertEquals(List.of(), untrusted.snapshotFolders("2022"));

            GatherScene trusted = new GatherScene(tmp, "trusted", source + "source.units.http.ca-file=" + pem + "\n");
            GatherScene.Result gathered = trusted.cli("gather", "--period", "2022");
            assertEquals(0, gathered.exitCode(), gathered.toString());
            Path snapshot = trusted.inputs("2022").resolve(trusted.snapshotFolders("2022").get(0));
            assertEquals(Files.readString(GatherScene.SAMPLE.resolve("units.csv"), StandardCharsets.UTF_8).lines().count(),
                    Files.readString(snapshot.resolve("units.csv"), StandardCharsets.UTF_8).lines().count());
        } finally {
            server.stop(0);
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + "\n" + out);
    }
}
