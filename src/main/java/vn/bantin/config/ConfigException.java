package vn.bantin.config;

/** A setting that cannot be used; the message names the file, the key and the fix. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
