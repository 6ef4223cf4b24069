package vn.bantin.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;
import vn.bantin.config.ConfigLoader;
import vn.bantin.config.Settings;

/** The options every command that reads config and data shares. */
final class Configured {
    @Option(names = "--data", paramLabel = "DIR", description = "folder of the exports (default: data.dir of the config)")
    Path data;

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "config", description = "config folder (default: ${DEFAULT-VALUE})")
    Path config;

    @Option(names = "--store", paramLabel = "URL", description = "database (default: store.url of the config)")
    String store;

    @Option(names = "--store-user", paramLabel = "USER", description = "the user of a PostgreSQL store (default: store.user of the config)")
    String storeUser;

    Settings settings() {
        Settings s = ConfigLoader.load(config);
        LogZone.use(s.zone());
        s = data == null ? s : s.withDataDir(data);
        s = store == null ? s : s.withStoreUrl(store);
        return storeUser == null ? s : s.withStoreUser(storeUser);
    }
}
