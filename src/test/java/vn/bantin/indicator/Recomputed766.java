package vn.bantin.indicator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The Decision 766 rows of indicators.csv as spec indicators-766 §2–§9 defines them, recomputed from the export files
 * with plain loops, sharing no code with the engine: the test's own reading of the CSVs (Commons CSV), of working
 * days (the holidays file read here), of the sets of §4, the items of §5, the points, groups, levels, ranks of §6 and
 * the official rows and differences of §8. Only for exports written the contract's way (no header or value mapping).
 */
public final class Recomputed766 {
    /** One expected row: counts and numbers, null where indicators.csv leaves the cell empty. */
    public record Row(Double numerator, Double denominator, Double value, Double target, Boolean met, Double points,
                      Double maxPoints) {
    }

    /** An item of spec §5: P (0 = information only), T (null = linear), config target, group, columns needed. */
    private record Item(String id, double p, Double t, Double target, String group, Set<String> needs) {
        boolean scored() {
            return p > 0;
        }
    }

    private static final List<String> GROUPS = List.of("tien_do", "dvc_truc_tuyen", "thanh_toan", "so_hoa", "hai_long");
    private static final List<String> OFFICIAL_GROUPS = List.of("cong_khai", "tien_do", "dvc_truc_tuyen", "thanh_toan",
            "so_hoa", "hai_long", "tong");
    private static final Map<String, Double> OFFICIAL_MAX = Map.of("cong_khai", 18.0, "tien_do", 20.0, "dvc_truc_tuyen", 12.0,
            "thanh_toan", 10.0, "so_hoa", 22.0, "hai_long", 18.0, "tong", 100.0);
    private static final List<Item> ITEMS = List.of(
            new Item("766.1.4.synced_dossiers", 0, null, null, null, Set.of("synced_national")),
            new Item("766.2.1.on_time", 20, null, null, "tien_do", Set.of("due_date", "finished_date")),
            new Item("766.3.1.online_services", 0, null, 80.0, null, Set.of()),
            new Item("766.3.1.full_services", 0, null, null, null, Set.of("full_online_eligible")),
            new Item("766.3.2.services_with_dossiers", 0, null, null, null, Set.of("procedure")),
            new Item("766.3.3.online_dossiers", 0, null, 50.0, null, Set.of("result_required", "e_result")),
            new Item("766.3.4.fully_online_dossiers", 12, null, null, "dvc_truc_tuyen",
                    Set.of("full_online_eligible", "procedure", "fully_online")),
            new Item("766.4.1.payment_integrated", 2, 80.0, null, "thanh_toan", Set.of("fee_required", "procedure", "fee_due")),
            new Item("766.4.2.payment_transactions", 2, 80.0, null, "thanh_toan", Set.of("procedure", "fee_due", "paid_online")),
            new Item("766.4.3.paid_online_dossiers", 6, 30.0, null, "thanh_toan", Set.of("fee_due", "paid_online")),
            new Item("766.5.1.e_results", 6, null, null, "so_hoa", Set.of("finished_date", "result_required", "e_result")),
            new Item("766.5.2.digitised", 4, 80.0, null, "so_hoa",
                    Set.of("finished_date", "digitised", "result_required", "e_result")),
            new Item("766.5.4.reused", 2, 80.0, null, "so_hoa", Set.of("reused")),
            new Item("766.5.5.personal_store", 4, null, null, "so_hoa", Set.of("personal_store")),
            new Item("766.5.6.vneid_dossiers", 2, null, null, "so_hoa", Set.of("vneid")),
            new Item("766.5.7.population_db_procedures", 2, null, null, "so_hoa", Set.of("citizen_facing", "procedure", "vneid")),
            new Item("766.6.2.pakn_on_time", 6, null, null, "hai_long", Set.of("processed_date")),
            new Item("766.6.3.pakn_satisfaction", 6, null, null, "hai_long",
                    Set.of("processed_date", "likes", "dislikes", "reraised")));
    private static final String MEAN_DAYS = "766.2.2.mean_days";
    private static final String PROVINCE = "province:province";

    private final LocalDate p0;
    private final LocalDate p1;
    private final Set<LocalDate> daysOff = new HashSet<>();
    private final Set<LocalDate> daysWorked = new HashSet<>();
    /** unit code → level, for the units measured in the period, in the order of units.csv. */
    private final Map<String, String> levelOf = new LinkedHashMap<>();
    private final Set<String> present = new HashSet<>();
    /** item id → scope (unit code or "province:province") → {numerator, denominator}. */
    private final Map<String, Map<String, long[]>> counts = new LinkedHashMap<>();
    /** The expected rows: "indicator|scope|scope_code" → row. */
    private final Map<String, Row> rows = new LinkedHashMap<>();

    private Recomputed766(LocalDate p0, LocalDate p1) {
        this.p0 = p0;
        this.p1 = p1;
    }

    /**
     * The expected 766 rows of a run on the export folder {@code data} for the period p0..p1 (ended before the data was
     * read), with the default points of §5, the working days of {@code holidays} and the province code of config.
     */
    public static Map<String, Row> of(Path data, LocalDate p0, LocalDate p1, Path holidays, String provinceCode)
            throws IOException {
        Recomputed766 r = new Recomputed766(p0, p1);
        r.readHolidays(holidays);
        r.readUnits(data.resolve("units.csv"));
        r.count(data);
        r.score();
        if (Files.exists(data.resolve("official-766.csv"))) {
            r.official(data.resolve("official-766.csv"), provinceCode);
        }
        return r.rows;
    }

    /** The key of a row of indicators.csv in the returned map. */
    public static String key(CSVRecord r) {
        return r.get("indicator") + "|" + r.get("scope") + "|" + r.get("scope_code");
    }

    // ---- reading

    static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                    .setIgnoreEmptyLines(true).build().parse(in).getRecords();
        }
    }

    private static List<String> headers(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getHeaderNames();
        }
    }

    private static String word(String cell) {
        return Normalizer.normalize(cell.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace("huỷ", "hủy");
    }

    /** A contract date, yyyy-MM-dd or dd/MM/yyyy; null when empty. */
    private static LocalDate date(String cell) {
        String c = cell.strip();
        if (c.isEmpty()) {
            return null;
        }
        return c.contains("/") ? LocalDate.parse(c, DateTimeFormatter.ofPattern("dd/MM/yyyy")) : LocalDate.parse(c);
    }

    /** A §2 boolean; null when unreadable (a reject). */
    private static Boolean bool(String cell) {
        String w = word(cell);
        if (w.isEmpty() || List.of("false", "0", "no", "n", "không").contains(w)) {
            return false;
        }
        return List.of("true", "1", "yes", "y", "có").contains(w) ? true : null;
    }

    /** fee_due: a boolean word, or an amount that is true when a digit 1–9 appears; null when unreadable. */
    private static Boolean amount(String cell) {
        String c = cell.strip();
        if (c.matches("[0-9]+([., ][0-9]+)*")) {
            return c.matches(".*[1-9].*");
        }
        return bool(c);
    }

    /** A §2 count; -1 when unreadable. */
    private static long count(String cell) {
        String c = cell.strip();
        return c.isEmpty() ? 0 : c.matches("[0-9]+") ? Long.parseLong(c) : -1;
    }

    private static String status(String cell, LocalDate finished) {
        String w = word(cell);
        if (w.isEmpty()) {
            return finished != null ? "finished" : "processing";
        }
        for (Map.Entry<String, List<String>> s : Map.of(
                "processing", List.of("processing", "đang xử lý", "đang giải quyết", "mới tiếp nhận", "chờ bổ sung"),
                "finished", List.of("finished", "đã xử lý xong", "đã trả kết quả", "đã giải quyết", "hoàn thành"),
                "returned", List.of("returned", "trả lại", "dừng xử lý", "từ chối giải quyết"),
                "cancelled", List.of("cancelled", "canceled", "rút hồ sơ", "hủy", "đã hủy"),
                "rejected", List.of("rejected", "từ chối tiếp nhận", "không tiếp nhận")).entrySet()) {
            if (s.getValue().contains(w)) {
                return s.getKey();
            }
        }
        return null;
    }

    private void readHolidays(Path file) throws IOException {
        for (CSVRecord r : csv(file)) {
            boolean worked = r.isMapped("working") && r.isSet("working") && Boolean.TRUE.equals(bool(r.get("working")));
            (worked ? daysWorked : daysOff).add(date(r.get("date")));
        }
    }

    private boolean working(LocalDate d) {
        boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        return weekend ? daysWorked.contains(d) : !daysOff.contains(d);
    }

    /** add_wd(d, n): the n-th working day after d, counted one day at a time. */
    private LocalDate addWd(LocalDate d, int n) {
        LocalDate w = d;
        for (int left = n; left > 0; ) {
            w = w.plusDays(1);
            if (working(w)) {
                left--;
            }
        }
        return w;
    }

    /** wd(a, b]: the working days after a up to b. */
    private long wd(LocalDate a, LocalDate b) {
        long n = 0;
        for (LocalDate w = a.plusDays(1); !w.isAfter(b); w = w.plusDays(1)) {
            n += working(w) ? 1 : 0;
        }
        return n;
    }

    private boolean inPeriod(LocalDate d) {
        return d != null && !d.isBefore(p0) && !d.isAfter(p1);
    }

    private void readUnits(Path file) throws IOException {
        for (CSVRecord u : csv(file)) {
            LocalDate from = u.isMapped("active_from") ? date(u.get("active_from")) : null;
            LocalDate to = u.isMapped("active_to") ? date(u.get("active_to")) : null;
            if ((from == null || !from.isAfter(p1)) && (to == null || !to.isBefore(p0))) {
                levelOf.put(u.get("code"), u.get("level"));
            }
        }
    }

    // ---- counting (§4, §5)

    /** Adds a record to an item: to the credited unit when measured, and always to the province. */
    private void add(String item, String unit, boolean inDenominator, boolean inNumerator) {
        Map<String, long[]> scopes = counts.computeIfAbsent(item, k -> new LinkedHashMap<>());
        List<String> to = unit != null && levelOf.containsKey(unit) ? List.of(unit, PROVINCE) : List.of(PROVINCE);
        for (String scope : to) {
            long[] c = scopes.computeIfAbsent(scope, k -> new long[2]);
            if (inDenominator) {
                c[1]++;
                c[0] += inNumerator ? 1 : 0;
            }
        }
    }

    /** Adds a sum of working days and a count (2.2). */
    private void addDays(String unit, long days) {
        Map<String, long[]> scopes = counts.computeIfAbsent(MEAN_DAYS, k -> new LinkedHashMap<>());
        for (String scope : unit != null && levelOf.containsKey(unit) ? List.of(unit, PROVINCE) : List.of(PROVINCE)) {
            long[] c = scopes.computeIfAbsent(scope, k -> new long[2]);
            c[0] += days;
            c[1]++;
        }
    }

    private static String cell(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column) : "";
    }

    private void count(Path data) throws IOException {
        List<CSVRecord> procedureRows = csv(data.resolve("procedures.csv"));
        List<CSVRecord> dossierRows = csv(data.resolve("dossiers.csv"));
        List<CSVRecord> feedbackRows = csv(data.resolve("feedback.csv"));
        present.addAll(headers(data.resolve("procedures.csv")));
        present.addAll(headers(data.resolve("dossiers.csv")));
        // the feedback's own due_date is optional everywhere; "due_date" in the needs of 2.1 is the dossiers' column
        headers(data.resolve("feedback.csv")).stream().filter(h -> !h.equals("due_date")).forEach(present::add);
        Map<String, CSVRecord> procedures = new LinkedHashMap<>();
        for (CSVRecord p : procedureRows) {
            if (bool(cell(p, "fee_required")) != null && bool(cell(p, "full_online_eligible")) != null
                    && bool(cell(p, "citizen_facing")) != null) {
                procedures.put(p.get("code"), p);
            }
        }
        // procedure code → the flags its received dossiers show: [online, fee, fee paid online, vneid]
        Map<String, boolean[]> seen = new HashMap<>();
        for (CSVRecord d : dossierRows) {
            LocalDate receivedDate = date(d.get("received_date"));
            LocalDate finishedDate = date(cell(d, "finished_date"));
            LocalDate due = date(cell(d, "due_date"));
            String status = status(cell(d, "status"), finishedDate);
            Map<String, Boolean> flag = new HashMap<>();
            boolean unreadable = status == null;
            for (String c : List.of("result_required", "e_result", "digitised", "reused", "personal_store", "vneid",
                    "synced_national", "paid_online", "fully_online")) {
                flag.put(c, bool(cell(d, c)));
                unreadable |= flag.get(c) == null;
            }
            flag.put("fee_due", amount(cell(d, "fee_due")));
            long supplements = count(cell(d, "supplement_count"));
            long paused = count(cell(d, "paused_days"));
            unreadable |= flag.get("fee_due") == null || supplements < 0 || paused < 0;
            boolean ended = List.of("finished", "returned", "cancelled").contains(status);
            if (unreadable || ended && finishedDate == null || "processing".equals(status) && finishedDate != null
                    || "rejected".equals(status)) {
                continue; // a reject (§2), or refused at reception: counted nowhere
            }
            String unit = d.get("unit");
            String code = cell(d, "procedure");
            CSVRecord p = procedures.get(code);
            boolean received = inPeriod(receivedDate);
            boolean finished = status.equals("finished") && inPeriod(finishedDate);
            boolean online = word(d.get("channel")).equals("online");
            boolean fee = flag.get("fee_due");

            add("766.1.4.synced_dossiers", unit, received, flag.get("synced_national"));
            boolean handled = !receivedDate.isAfter(p1) && due != null && !(ended && finishedDate.isBefore(p0));
            LocalDate e = ended && !finishedDate.isAfter(p1) ? finishedDate : p1;
            add("766.2.1.on_time", unit, handled, handled && supplements <= 1 && !e.minusDays(paused).isAfter(due));
            if (received && status.equals("finished") && !finishedDate.isAfter(p1)) {
                addDays(unit, wd(receivedDate, finishedDate));
            }
            add("766.3.3.online_dossiers", unit, received, online && (!flag.get("result_required") || flag.get("e_result")));
            boolean eligible = p != null && bool(cell(p, "full_online_eligible"));
            add("766.3.4.fully_online_dossiers", unit, received && eligible, flag.get("fully_online") && online);
            add("766.4.3.paid_online_dossiers", unit, received && fee, flag.get("paid_online"));
            add("766.5.1.e_results", unit, finished && flag.get("result_required"), flag.get("e_result"));
            add("766.5.2.digitised", unit, finished,
                    flag.get("digitised") && (!flag.get("result_required") || flag.get("e_result")));
            add("766.5.4.reused", unit, received, flag.get("reused"));
            add("766.5.5.personal_store", unit, received, flag.get("personal_store"));
            add("766.5.6.vneid_dossiers", unit, received, flag.get("vneid"));
            if (received && !code.isEmpty()) {
                boolean[] s = seen.computeIfAbsent(code, k -> new boolean[4]);
                s[0] |= online;
                s[1] |= fee;
                s[2] |= fee && flag.get("paid_online");
                s[3] |= flag.get("vneid");
            }
        }
        for (CSVRecord p : procedures.values()) {
            String unit = p.get("unit");
            String level = word(p.get("online_level"));
            boolean onlineService = List.of("partial", "full", "3", "4").contains(level);
            boolean full = List.of("full", "4").contains(level);
            boolean[] s = seen.getOrDefault(p.get("code"), new boolean[4]);
            boolean eligible = bool(cell(p, "full_online_eligible"));
            add("766.3.1.online_services", unit, true, onlineService);
            add("766.3.1.full_services", unit, eligible, full);
            add("766.3.2.services_with_dossiers", unit, onlineService, s[0]);
            add("766.4.1.payment_integrated", unit, bool(cell(p, "fee_required")), s[1]);
            add("766.4.2.payment_transactions", unit, s[1], s[2]);
            add("766.5.7.population_db_procedures", unit, bool(cell(p, "citizen_facing")), s[3]);
        }
        boolean byHandler = present.contains("handler");
        for (CSVRecord f : feedbackRows) {
            LocalDate receivedDate = date(f.get("received_date"));
            LocalDate processed = date(cell(f, "processed_date"));
            LocalDate given = date(cell(f, "due_date"));
            long likes = count(cell(f, "likes"));
            long dislikes = count(cell(f, "dislikes"));
            Boolean reraised = bool(cell(f, "reraised"));
            String status = word(f.get("status"));
            if (likes < 0 || dislikes < 0 || reraised == null || given != null && given.isBefore(receivedDate)
                    || status.equals("processed") && processed == null) {
                continue; // a reject (§2), or processed without a date: cannot be timed
            }
            String handler = byHandler ? cell(f, "handler") : null;
            boolean handled = !receivedDate.isAfter(p1) && !(status.equals("processed") && processed.isBefore(p0));
            boolean received = inPeriod(receivedDate) && !status.equals("new");
            LocalDate e = status.equals("processed") && !processed.isAfter(p1) ? processed : p1;
            boolean onTime = !e.isAfter(given != null ? given : addWd(receivedDate, 15));
            add("766.6.2.pakn_on_time", handler, handled, onTime);
            add("766.6.3.pakn_satisfaction", handler, received, onTime && dislikes <= likes && !reraised);
        }
    }

    // ---- scoring (§6) and rows (§9)

    private boolean has(Item item) {
        return present.containsAll(item.needs());
    }

    /** Feedback items have unit and level figures only when the handler column is there (§5). */
    private boolean hasPerUnit(Item item) {
        return has(item) && (!item.id().startsWith("766.6.") || present.contains("handler"));
    }

    private static double points(Item item, long num, long den) {
        double r = 100.0 * num / den;
        if (item.t() == null) {
            return r * item.p() / 100;
        }
        return num * 100 >= item.t() * den ? item.p() : r * item.p() / item.t();
    }

    private void put(String indicator, String scope, Row row) {
        rows.put(indicator + "|" + scope.replace(":", "|"), row);
    }

    private static String scopeOf(String unit) {
        return unit.equals(PROVINCE) ? PROVINCE : "unit:" + unit;
    }

    private void score() {
        List<String> scopes = new ArrayList<>(levelOf.keySet());
        scopes.add(PROVINCE);
        // scope → group → {points, max}
        Map<String, Map<String, double[]>> groups = new HashMap<>();
        Map<String, Map<String, List<Double>>> levelItemPoints = new HashMap<>();
        Map<String, double[]> nominal = new HashMap<>();
        for (Item item : ITEMS) {
            if (!has(item)) {
                continue; // an absent column: no row at any scope
            }
            Map<String, long[]> c = counts.getOrDefault(item.id(), Map.of());
            Map<String, long[]> pooled = new LinkedHashMap<>();
            for (String scope : scopes) {
                boolean unit = !scope.equals(PROVINCE);
                if (unit && !hasPerUnit(item)) {
                    continue;
                }
                long[] n = c.getOrDefault(scope, new long[2]);
                if (unit) {
                    long[] l = pooled.computeIfAbsent(levelOf.get(scope), k -> new long[2]);
                    l[0] += n[0];
                    l[1] += n[1];
                }
                Double points = null;
                if (n[1] > 0 && item.scored()) {
                    points = points(item, n[0], n[1]);
                    double[] g = groups.computeIfAbsent(scope, k -> new HashMap<>()).computeIfAbsent(item.group(),
                            k -> new double[2]);
                    g[0] += points;
                    g[1] += item.p();
                    if (unit) {
                        levelItemPoints.computeIfAbsent(levelOf.get(scope), k -> new HashMap<>())
                                .computeIfAbsent(item.id(), k -> new ArrayList<>()).add(points);
                    }
                }
                put(item.id(), scopeOf(scope), itemRow(item, n, points));
            }
            if (item.scored() && hasPerUnit(item)) {
                nominal.computeIfAbsent(item.group(), k -> new double[1])[0] += item.p();
            }
            for (Map.Entry<String, long[]> level : pooled.entrySet()) {
                List<Double> unitPoints = levelItemPoints.getOrDefault(level.getKey(), Map.of()).get(item.id());
                put(item.id(), "level:" + level.getKey(), itemRow(item, level.getValue(), unitPoints == null ? null : mean(unitPoints)));
            }
        }
        meanDays(scopes);
        groupsAndTotals(scopes, groups, nominal);
    }

    private Row itemRow(Item item, long[] n, Double points) {
        Double value = n[1] > 0 ? 100.0 * n[0] / n[1] : null;
        Double target = item.t() != null ? item.t() : item.target();
        Boolean met = target == null || value == null ? null : n[0] * 100 >= target * n[1];
        return new Row((double) n[0], (double) n[1], value, target, met, points, points == null ? null : item.p());
    }

    private void meanDays(List<String> scopes) {
        if (!present.contains("finished_date")) {
            return;
        }
        Map<String, long[]> c = counts.getOrDefault(MEAN_DAYS, Map.of());
        Map<String, long[]> pooled = new LinkedHashMap<>();
        for (String scope : scopes) {
            long[] n = c.getOrDefault(scope, new long[2]);
            if (!scope.equals(PROVINCE)) {
                long[] l = pooled.computeIfAbsent(levelOf.get(scope), k -> new long[2]);
                l[0] += n[0];
                l[1] += n[1];
            }
            put(MEAN_DAYS, scopeOf(scope), daysRow(n));
        }
        pooled.forEach((level, n) -> put(MEAN_DAYS, "level:" + level, daysRow(n)));
    }

    private static Row daysRow(long[] n) {
        return new Row((double) n[0], (double) n[1], n[1] > 0 ? (double) n[0] / n[1] : null, null, null, null, null);
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Group and total rows per unit, level and province, and the ranks within each level. */
    private void groupsAndTotals(List<String> scopes, Map<String, Map<String, double[]>> groups, Map<String, double[]> nominal) {
        Map<String, Map<String, List<Double>>> levelValues = new LinkedHashMap<>();
        for (String level : new HashSet<>(levelOf.values())) {
            levelValues.put(level, new HashMap<>());
        }
        for (String scope : scopes) {
            Map<String, double[]> g = groups.getOrDefault(scope, Map.of());
            double points = 0;
            double max = 0;
            for (String group : GROUPS) {
                double[] pm = g.get(group);
                if (pm != null) {
                    points += pm[0];
                    max += pm[1];
                }
                put("766.group." + group, scopeOf(scope), pm == null ? empty()
                        : new Row(null, null, pm[0] * 100 / pm[1], null, null, pm[0], pm[1]));
                if (pm != null && !scope.equals(PROVINCE)) {
                    levelValues.get(levelOf.get(scope)).computeIfAbsent(group, k -> new ArrayList<>()).add(pm[0] * 100 / pm[1]);
                }
            }
            put("766.total", scopeOf(scope), max == 0 ? empty() : new Row(null, null, points * 100 / max, null, null, points, max));
            if (max > 0 && !scope.equals(PROVINCE)) {
                levelValues.get(levelOf.get(scope)).computeIfAbsent("total", k -> new ArrayList<>()).add(points * 100 / max);
            }
        }
        double nominalTotal = 0;
        for (String group : GROUPS) {
            nominalTotal += nominal.getOrDefault(group, new double[1])[0];
        }
        for (Map.Entry<String, Map<String, List<Double>>> level : levelValues.entrySet()) {
            for (String group : GROUPS) {
                List<Double> values = level.getValue().get(group);
                double nominalMax = nominal.getOrDefault(group, new double[1])[0];
                put("766.group." + group, "level:" + level.getKey(), values == null ? empty()
                        : new Row(null, null, mean(values), null, null, mean(values) * nominalMax / 100, nominalMax));
            }
            List<Double> totals = level.getValue().get("total");
            put("766.total", "level:" + level.getKey(), totals == null ? empty()
                    : new Row(null, null, mean(totals), null, null, mean(totals) * nominalTotal / 100, nominalTotal));
        }
        ranks();
    }

    private static Row empty() {
        return new Row(null, null, null, null, null, null, null);
    }

    /** Competition ranks (1, 2, 2, 4) within each level on the total value rounded half-up to 6 decimals. */
    private void ranks() {
        for (String level : new HashSet<>(levelOf.values())) {
            Map<String, java.math.BigDecimal> totals = new LinkedHashMap<>();
            for (Map.Entry<String, String> u : levelOf.entrySet()) {
                Row total = rows.get("766.total|unit|" + u.getKey());
                if (u.getValue().equals(level) && total.value() != null) {
                    totals.put(u.getKey(), java.math.BigDecimal.valueOf(total.value())
                            .setScale(6, java.math.RoundingMode.HALF_UP));
                }
            }
            for (Map.Entry<String, String> u : levelOf.entrySet()) {
                if (!u.getValue().equals(level)) {
                    continue;
                }
                java.math.BigDecimal mine = totals.get(u.getKey());
                Double rank = null;
                if (mine != null) {
                    rank = 1.0 + totals.values().stream().filter(v -> v.compareTo(mine) > 0).count();
                }
                put("766.rank", "unit:" + u.getKey(), new Row(null, (double) totals.size(), rank, null, null, null, null));
            }
        }
    }

    // ---- official scores (§8)

    private static Double number(String cell) {
        String c = cell.strip().replace(',', '.');
        return c.isEmpty() ? null : Double.valueOf(c);
    }

    private void official(Path file, String provinceCode) {
        // scope → group → {score, max}
        Map<String, Map<String, double[]>> official = new LinkedHashMap<>();
        try {
            for (CSVRecord r : csv(file)) {
                if (!p0.equals(date(r.get("period_start"))) || !p1.equals(date(r.get("period_end")))) {
                    continue;
                }
                String unit = r.get("unit").strip();
                String scope = unit.isEmpty() || unit.equals(provinceCode) ? PROVINCE : "unit:" + unit;
                String group = word(r.get("group"));
                Double max = number(cell(r, "max"));
                double[] sm = {number(r.get("score")), max == null ? OFFICIAL_MAX.get(group) : max};
                if (official.computeIfAbsent(scope, k -> new LinkedHashMap<>()).putIfAbsent(group, sm) == null) {
                    put("766.official." + group, scope, new Row(null, null, sm[0], null, null, sm[0], sm[1]));
                    String rank = cell(r, "rank").strip();
                    if (!rank.isEmpty()) {
                        put("766.official_rank." + group, scope, new Row(null, null, Double.valueOf(rank), null, null, null, null));
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (Map.Entry<String, Map<String, double[]>> o : official.entrySet()) {
            String scope = o.getKey();
            Map<String, double[]> groups = o.getValue();
            for (String group : GROUPS) {
                Row local = rows.get("766.group." + group + "|" + scope.replace(":", "|"));
                if (groups.containsKey(group) && local != null && local.value() != null) {
                    double[] sm = groups.get(group);
                    put("766.diff." + group, scope, diff(sm[0] - local.value() * sm[1] / 100));
                }
            }
            Row total = rows.get("766.total|" + scope.replace(":", "|"));
            if (total != null && total.value() != null && groups.keySet().containsAll(OFFICIAL_GROUPS)) {
                double local = 0;
                for (String group : OFFICIAL_GROUPS.subList(0, 6)) {
                    Row g = rows.get("766.group." + group + "|" + scope.replace(":", "|"));
                    double[] sm = groups.get(group);
                    local += g != null && g.value() != null ? g.value() * sm[1] / 100 : sm[0];
                }
                put("766.diff.tong", scope, diff(groups.get("tong")[0] - local));
            }
        }
    }

    /**
     * Where the 766 rows of an indicators.csv differ from the expected ones: rows missing or extra, and each cell that
     * differs (numbers within 1e-6, the 6 decimals written). Also checks the number format of spec §9.
     */
    public static List<String> differences(Map<String, Row> expected, List<CSVRecord> written) {
        List<String> wrong = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CSVRecord r : written) {
            if (!r.get("indicator").startsWith("766.")) {
                continue;
            }
            String key = key(r);
            seen.add(key);
            Row e = expected.get(key);
            if (e == null) {
                wrong.add(key + ": written, not expected");
                continue;
            }
            List<String> cells = List.of("numerator", "denominator", "value", "target", "points", "max_points");
            List<Double> want = java.util.Arrays.asList(e.numerator(), e.denominator(), e.value(), e.target(), e.points(),
                    e.maxPoints());
            for (int i = 0; i < cells.size(); i++) {
                String got = r.get(cells.get(i));
                if (!got.isEmpty() && !got.matches("-?[0-9]+(\\.[0-9]{4,})?")) {
                    wrong.add(key + " " + cells.get(i) + ": '" + got + "' is not a number with '.' and 4+ decimals");
                } else if (want.get(i) == null ? !got.isEmpty()
                        : got.isEmpty() || Math.abs(Double.parseDouble(got) - want.get(i)) > 1e-6) {
                    wrong.add(key + " " + cells.get(i) + ": '" + got + "', expected " + want.get(i));
                }
            }
            String met = e.met() == null ? "" : e.met().toString();
            if (!r.get("met").equals(met)) {
                wrong.add(key + " met: '" + r.get("met") + "', expected '" + met + "'");
            }
        }
        for (String key : expected.keySet()) {
            if (!seen.contains(key)) {
                wrong.add(key + ": expected, not written");
            }
        }
        return wrong;
    }

    private static Row diff(double delta) {
        return new Row(null, null, delta, null, null, null, null);
    }
}
