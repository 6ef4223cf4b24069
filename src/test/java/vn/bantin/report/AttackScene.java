package vn.bantin.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the template attacks aim at: a secret file and a folder of a logo and a styles file, both outside any
 * templates folder, and a local web server that must never be asked. Templates copies made by {@link #templates}
 * sit beside them, so that {@code ../outside/…} names a real file.
 */
public final class AttackScene implements AutoCloseable {
    public static final String SECRET = "hunter2-secret";

    private final Path dir;
    private final LocalHttpServer server;

    public AttackScene(Path dir) throws IOException {
        this.dir = dir;
        Files.writeString(dir.resolve("secret.env"), "BANTIN_SMTP_PASSWORD=" + SECRET + "\n");
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.copy(TemplatesCopy.TEMPLATES.resolve("images/logo.png"), outside.resolve("logo.png"));
        Files.copy(TemplatesCopy.TEMPLATES.resolve("styles.jrtx"), outside.resolve("styles.jrtx"));
        this.server = new LocalHttpServer(Files.readAllBytes(TemplatesCopy.TEMPLATES.resolve("images/logo.png")));
    }

    public List<TemplateAttack> attacks() {
        return TemplateAttack.all(dir.resolve("secret.env"), dir.resolve("outside"), server);
    }

    /** A fresh copy of the templates folder with {@code attack} written into it. */
    public Path templates(TemplateAttack attack) throws IOException {
        Path templates = TemplatesCopy.into(Files.createTempDirectory(dir, "templates-"));
        attack.writeInto(templates);
        return templates;
    }

    public LocalHttpServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
