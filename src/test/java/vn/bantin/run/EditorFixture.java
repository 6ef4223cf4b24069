package vn.bantin.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import vn.bantin.config.ConfigLoader;
import vn.bantin.config.Settings;
import vn.bantin.report.TemplatesCopy;
import vn.bantin.store.Database;
import vn.bantin.store.FileVersions;
import vn.bantin.store.TestStores;

/** A private templates folder and config folder, the bundled 2022 data, and a real store, for the editors' tests. */
final class EditorFixture implements AutoCloseable {
    final Path templates;
    final Path config;
    final Settings settings;
    final Database db;
    final FileVersions versions;

    EditorFixture(Path tmp) throws IOException {
        templates = TemplatesCopy.into(tmp.resolve("templates"));
        config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("bantin.properties"), Files.readString(Path.of("config/bantin.properties"))
                + "\ntemplates.dir=" + templates + "\n", StandardCharsets.UTF_8);
        Files.copy(Path.of("config/recipients.csv"), config.resolve("recipients.csv"));
        settings = ConfigLoader.load(config);
        db = TestStores.open(tmp.resolve("var"));
        versions = new FileVersions(db.dataSource(), Clock.systemUTC());
    }

    @Override
    public void close() {
        db.close();
    }
}
