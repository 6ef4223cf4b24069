package vn.bantin.gather;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A web service on 127.0.0.1 serving the sample's exports as paged JSON ({@code /api/<file>?page=N}, the rows in
 * {@code data}), to a bearer token only; pages listed in {@code failing} answer 500 every time.
 */
final class SampleService implements AutoCloseable {
    static final int PAGE_SIZE = 5000;
    private final HttpServer server;
    private final String token;
    private final Set<String> failing;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, List<Map<String, String>>> rows = new LinkedHashMap<>();

    SampleService(String token, Set<String> failing) throws IOException {
        this.token = token;
        this.failing = failing;
        for (String f : GatherScene.FILES) {
            rows.put(f, read(GatherScene.SAMPLE.resolve(f + ".csv")));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", this::answer);
        server.start();
    }

    private static List<Map<String, String>> read(Path csv) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            for (CSVRecord rec : p) {
                Map<String, String> row = new LinkedHashMap<>();
                for (String h : p.getHeaderNames()) {
                    String v = rec.get(h);
                    row.put(h, v.isEmpty() ? null : v);
                }
                out.add(row);
            }
        }
        return out;
    }

    private void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String query = x.getRequestURI().getQuery() == null ? "" : x.getRequestURI().getQuery();
        requests.add(path + "?" + query);
        String file = path.substring("/api/".length());
        int page = Integer.parseInt(query.replaceAll(".*page=(\\d+).*", "$1"));
        if (!("Bearer " + token).equals(x.getRequestHeaders().getFirst("Authorization"))) {
            send(x, 401, "{\"error\":\"invalid token\"}");
        } else if (failing.contains(file + "#" + page)) {
            send(x, 500, "{\"error\":\"database unavailable\"}");
        } else {
            List<Map<String, String>> all = rows.get(file);
            List<Map<String, String>> slice = all.subList(Math.min(all.size(), (page - 1) * PAGE_SIZE),
                    Math.min(all.size(), page * PAGE_SIZE));
            send(x, 200, new ObjectMapper().writeValueAsString(Map.of("page", page, "data", slice)));
        }
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (var out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The config of {@code files} pulled from this service with the token in {@code tokenEnv}. */
    String sources(List<String> files, String tokenEnv, String extra) {
        StringBuilder p = new StringBuilder();
        for (String f : files) {
            String k = "source." + f + ".http.";
            p.append(k).append("url=http://127.0.0.1:").append(server.getAddress().getPort()).append("/api/").append(f)
                    .append("?from={period_start}&to={period_end}&page={page}\n")
                    .append(k).append("rows=data\n").append(k).append("token-env=").append(tokenEnv).append('\n');
            extra.lines().forEach(l -> p.append(k).append(l).append('\n'));
        }
        return p.toString();
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
