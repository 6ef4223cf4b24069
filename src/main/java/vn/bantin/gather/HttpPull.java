package vn.bantin.gather;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.bantin.indicator.Period;
import vn.bantin.source.RemoteSource;
import vn.bantin.source.SourceFile;
import vn.bantin.source.SourceFormat;

/**
 * Pulls one export from a web service, page after page, into the contract's CSV. Each page is downloaded whole to
 * a temporary file before any of its rows is written, so that a page cut off half-way is tried again from its start
 * and never counted twice. A connection that fails, a read that times out, or a 5xx or 429 answer is tried again
 * after a growing wait; a refusal of the credentials (401, 403) or another 4xx is not. TLS is always verified (against
 * the configured CA file when there is one); redirects are not followed, so credentials go only where config says.
 */
final class HttpPull {
    private static final Pattern LINK_NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Pages between two progress lines. */
    static final int PAGES_PER_LINE = 10;

    private final SourceFile source;
    private final SourceFormat format;
    private final RemoteSource.Http remote;
    private final Period period;
    private final Consumer<String> progress;
    private final String what;
    private final SSLSocketFactory tls;
    private final String authorization;

    HttpPull(SourceFile source, SourceFormat format, RemoteSource.Http remote, Period period, Consumer<String> progress) {
        this.source = source;
        this.format = format;
        this.remote = remote;
        this.period = period;
        this.progress = progress;
        this.what = source.key() + " (" + remote.describe() + ")";
        this.tls = remote.caFile() == null ? null : trusting(remote.caFile());
        this.authorization = authorization();
    }

    JdbcPull.Pulled pull(Path file) {
        Path page = file.resolveSibling("." + source.key() + ".page");
        Set<String> seen = new HashSet<>();
        ContractCsv out = null;
        try {
            String url = remote.paged() ? address(1) : address(0);
            int number = 1;
            String previousPage = null;
            while (url != null) {
                if (!seen.add(url)) {
                    throw new GatherException(what + ": page " + number + " links back to " + url + ", a page already read;"
                            + " the service's next links go round in a circle");
                }
                Map<String, List<String>> headers = download(url, number, page);
                String hash = sha256(page);
                Page rows = remote.format() == RemoteSource.Format.JSON ? json(page, number) : csv(page, number);
                if (rows.rows().isEmpty()) {
                    break;
                }
                if (hash.equals(previousPage)) {
                    throw new GatherException(what + ": page " + number + " is the same as page " + (number - 1)
                            + "; does the service take the {page} parameter where http.url puts it?");
                }
                previousPage = hash;
                if (out == null) {
                    out = ContractCsv.open(file, source, format, rows.columns(), what);
                }
                for (Map<String, String> row : rows.rows()) {
                    List<String> values = new ArrayList<>(rows.columns().size());
                    for (String c : rows.columns()) {
                        values.add(row.get(c));
                    }
                    out.row(values);
                }
                if (number % PAGES_PER_LINE == 0) {
                    progress.accept("  " + source.key() + ": page " + number + ", " + String.format("%,d", out.rows()) + " rows");
                }
                number++;
                url = remote.paged() ? address(number) : next(url, rows.next(), headers);
            }
            if (out == null) {
                // No row at all: the contract's header, so that the file reads as an empty export.
                List<String> header = new ArrayList<>(source.required());
                header.addAll(source.optional());
                out = ContractCsv.open(file, source, format, header, what);
            }
            out.close();
            return new JdbcPull.Pulled(out.rows(), out.sha256());
        } catch (IOException e) {
            throw new GatherException(what + ": could not write " + file + " (" + e.getMessage() + ")", e);
        } finally {
            try {
                if (out != null) {
                    out.close();
                }
                Files.deleteIfExists(page);
            } catch (IOException ignored) {
                // the folder is removed with the failed gather
            }
        }
    }

    /** The page's rows (the columns of the first row; a later row's other fields are not kept) and its next link. */
    private record Page(List<String> columns, List<Map<String, String>> rows, String next) {
    }

    private String address(int page) {
        return remote.url().replace("{period_start}", period.start().toString())
                .replace("{period_end}", period.end().toString()).replace("{page}", Integer.toString(page));
    }

    private String next(String current, String fromBody, Map<String, List<String>> headers) {
        String link = fromBody;
        if (link == null) {
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                if (h.getKey() != null && h.getKey().equalsIgnoreCase("Link")) {
                    for (String v : h.getValue()) {
                        Matcher m = LINK_NEXT.matcher(v);
                        if (m.find()) {
                            link = m.group(1);
                        }
                    }
                }
            }
        }
        return link == null || link.isBlank() ? null : URI.create(current).resolve(link.strip()).toString();
    }

    /**
     * Downloads {@code url} to {@code into}, trying again after {@code retry-wait}, doubled each time, up to
     * {@code retries} times; returns the answer's headers.
     */
    private Map<String, List<String>> download(String url, int number, Path into) {
        String last = null;
        Duration wait = remote.retryWait();
        for (int attempt = 0; attempt <= remote.retries(); attempt++) {
            if (attempt > 0) {
                progress.accept("  " + source.key() + ": page " + number + ": " + last + "; trying again in " + seconds(wait));
                sleep(wait);
                wait = wait.multipliedBy(2);
            }
            HttpURLConnection c = null;
            try {
                c = (HttpURLConnection) new URL(url).openConnection();
                if (c instanceof HttpsURLConnection https && tls != null) {
                    https.setSSLSocketFactory(tls);
                }
                c.setInstanceFollowRedirects(false);
                c.setUseCaches(false);
                c.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, remote.connectTimeout().toMillis()));
                c.setReadTimeout((int) Math.min(Integer.MAX_VALUE, remote.readTimeout().toMillis()));
                c.setRequestProperty("Accept", remote.format() == RemoteSource.Format.JSON ? "application/json" : "text/csv");
                if (authorization != null) {
                    c.setRequestProperty("Authorization", authorization);
                }
                int status = c.getResponseCode();
                if (status == 200) {
                    try (InputStream in = c.getInputStream()) {
                        Files.copy(in, into, StandardCopyOption.REPLACE_EXISTING);
                    }
                    return c.getHeaderFields();
                }
                String answer = status + (c.getResponseMessage() == null ? "" : " " + c.getResponseMessage());
                if (status == 401 || status == 403) {
                    throw new GatherException(what + ": the service refused the " + (remote.tokenEnv().isEmpty()
                            ? remote.user().isEmpty() ? "request, which carried no credentials" : "user and password"
                            : "token") + " (" + answer + "); check " + (remote.tokenEnv().isEmpty() ? remote.user().isEmpty()
                            ? "whether it needs source." + source.key() + ".http.token-env or http.user"
                            : "source." + source.key() + ".http.user and the password in the variable named by source."
                            + source.key() + ".http.password-env" : "the token in the variable named by source."
                            + source.key() + ".http.token-env (expired, or of another service?)"));
                }
                if (status >= 300 && status < 400) {
                    throw new GatherException(what + ": page " + number + " redirects (" + answer + ") to "
                            + c.getHeaderField("Location") + "; redirects are not followed (credentials go only where"
                            + " config says): put that address in source." + source.key() + ".http.url");
                }
                if (status < 500 && status != 429) {
                    throw new GatherException(what + ": page " + number + " (" + url + ") was refused: " + answer
                            + "; check source." + source.key() + ".http.url");
                }
                last = "the service answered " + answer;
            } catch (SocketTimeoutException e) {
                last = "no answer within " + seconds(c != null && e.getMessage() != null
                        && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect")
                        ? remote.connectTimeout() : remote.readTimeout()) + " (source." + source.key()
                        + ".http.connect-timeout / read-timeout)";
            } catch (SSLException e) {
                throw new GatherException(what + ": the TLS connection failed (" + e.getMessage() + "); the service's"
                        + " certificate must be valid for its name and signed by a trusted authority, or by the one in"
                        + " source." + source.key() + ".http.ca-file", e);
            } catch (IOException e) {
                last = "the connection failed (" + JdbcPull.firstLine(e) + ")";
            } finally {
                if (c != null) {
                    c.disconnect();
                }
            }
        }
        throw new GatherException(what + ": page " + number + " (" + url + "): " + last + ", " + (remote.retries() + 1)
                + " time(s); nothing was kept: gather again later");
    }

    private Page json(Path page, int number) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        String next = null;
        boolean found = remote.rows().isEmpty();
        List<String> fields = new ArrayList<>();
        try (JsonParser p = JSON.getFactory().createParser(page.toFile())) {
            JsonToken t = p.nextToken();
            if (remote.rows().isEmpty()) {
                if (t != JsonToken.START_ARRAY) {
                    throw broken(number, "it is not a JSON array of rows; if the rows are in a field of an object, name"
                            + " it in source." + source.key() + ".http.rows");
                }
                readRows(p, rows, columns, number);
            } else {
                if (t != JsonToken.START_OBJECT) {
                    throw broken(number, "it is not a JSON object with the array '" + remote.rows() + "'");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    fields.add(name);
                    JsonToken value = p.nextToken();
                    if (name.equals(remote.rows()) && value == JsonToken.START_ARRAY) {
                        readRows(p, rows, columns, number);
                        found = true;
                    } else if (name.equals(remote.next()) && value == JsonToken.VALUE_STRING) {
                        next = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            }
            if (p.nextToken() != null) {
                throw broken(number, "there is more after the JSON value");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw broken(number, "it is not valid JSON (" + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (!found) {
            throw broken(number, "it has no array '" + remote.rows() + "' (source." + source.key() + ".http.rows); its fields"
                    + " are: " + String.join(", ", fields));
        }
        return new Page(columns, rows, next);
    }

    private void readRows(JsonParser p, List<Map<String, String>> rows, List<String> columns, int number) throws IOException {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            JsonNode row = p.readValueAsTree();
            Map<String, String> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode v = f.getValue();
                values.put(f.getKey(), v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString());
            }
            if (columns.isEmpty()) {
                columns.addAll(values.keySet());
            }
            rows.add(values);
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw broken(number, "row " + (rows.size() + 1) + " of its array is not a JSON object");
        }
    }

    private Page csv(Path page, int number) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(page, StandardCharsets.UTF_8)) {
            r.mark(1);
            if (r.read() != '\uFEFF') {
                r.reset();
            }
            CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
            List<String> columns = parser.getHeaderNames();
            for (CSVRecord rec : parser) {
                Map<String, String> values = new LinkedHashMap<>();
                for (String c : columns) {
                    values.put(c, rec.isSet(c) ? rec.get(c) : null);
                }
                rows.add(values);
            }
            return new Page(List.copyOf(columns), rows, null);
        } catch (java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw broken(number, "it is not valid CSV (" + e.getMessage() + ")");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw broken(number, "it is not UTF-8 text");
        }
    }

    private GatherException broken(int number, String why) {
        return new GatherException(what + ": page " + number + " is broken: " + why + "; nothing was kept");
    }

    private String authorization() {
        if (!remote.tokenEnv().isEmpty()) {
            String token = System.getenv(remote.tokenEnv());
            if (token == null || token.isBlank()) {
                throw new GatherException(what + ": the environment variable named by source." + source.key()
                        + ".http.token-env is not set; set it to the service's token before gather runs");
            }
            return "Bearer " + token.strip();
        }
        if (!remote.user().isEmpty()) {
            String password = remote.passwordEnv().isEmpty() ? "" : System.getenv(remote.passwordEnv());
            if (password == null) {
                throw new GatherException(what + ": the environment variable named by source." + source.key()
                        + ".http.password-env is not set; set it to the password before gather runs");
            }
            return "Basic " + Base64.getEncoder().encodeToString((remote.user() + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    /** TLS that trusts the certificate authorities of {@code caFile} (PEM), with the usual host-name check. */
    private SSLSocketFactory trusting(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new GatherException(what + ": source." + source.key() + ".http.ca-file " + caFile + " holds no certificate");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new GatherException(what + ": source." + source.key() + ".http.ca-file " + caFile + " cannot be read as"
                    + " PEM certificates (" + e.getMessage() + ")", e);
        }
    }

    private static String sha256(Path file) throws IOException {
        java.security.MessageDigest d = ContractCsv.sha256Digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(d.digest());
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatherException("gather was stopped while waiting to try a page again");
        }
    }
}
