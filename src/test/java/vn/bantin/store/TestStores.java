package vn.bantin.store;

import java.nio.file.Path;

/** Store URLs in a test's temporary folder, in the default's form. */
public final class TestStores {
    private TestStores() {
    }

    /** Like {@link Database#DEFAULT_URL}, in {@code dir}. */
    public static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("bantin").toAbsolutePath() + ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE";
    }

    /** The same file without sharing: a second process is locked out. */
    public static String exclusiveUrl(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("bantin").toAbsolutePath();
    }
}
