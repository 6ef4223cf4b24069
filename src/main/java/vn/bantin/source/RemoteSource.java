package vn.bantin.source;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where {@code gather} pulls one export from instead of the data folder: a database query or a web service. Secrets
 * are never held here, only the names of the environment variables that hold them.
 */
public sealed interface RemoteSource permits RemoteSource.Jdbc, RemoteSource.Http {

    /** What the manifest and the messages may show: the place, never a secret. */
    String describe();

    /**
     * A read-only query with the named parameters {@code :period_start}, {@code :period_end} and {@code :as_of},
     * streamed {@code fetchSize} rows at a time; its columns are matched like a file's headers.
     *
     * @param passwordEnv the variable holding the password (empty: none)
     */
    record Jdbc(String url, String user, String passwordEnv, String query, int fetchSize) implements RemoteSource {
        @Override
        public String describe() {
            return url;
        }
    }

    /** {@code csv}, or {@code json} with the rows in the array named by {@code rows} (empty: the body is the array). */
    enum Format { CSV, JSON }

    /**
     * A web service, one page after another: with {@code {page}} in {@code url} pages 1, 2, … until one has no rows;
     * otherwise the next page's address from the {@code next} field of a JSON body or a {@code Link: rel="next"}
     * header. A bearer token ({@code tokenEnv}) or basic credentials ({@code user}, {@code passwordEnv}); TLS
     * verified, against {@code caFile} too when it is given.
     */
    record Http(String url, Format format, String rows, String next, String tokenEnv, String user, String passwordEnv,
                Duration connectTimeout, Duration readTimeout, int retries, Duration retryWait, Path caFile)
            implements RemoteSource {
        @Override
        public String describe() {
            return url;
        }

        public boolean paged() {
            return url.contains("{page}");
        }
    }
}
