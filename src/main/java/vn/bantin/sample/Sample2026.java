package vn.bantin.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.bantin.indicator.WorkingDays;

/**
 * Generates the bundled 2026 sample: the merged Bắc Ninh in the two-level shape (13 departments, the provincial
 * public-service centre, 99 communes and wards), January to March 2026, with every Decision 766 column, an
 * official-766.csv and a unit-changes.csv. Seeded, so the committed files are its output.
 *
 * <p>Imperfections on purpose: three units take no online payment, one commune has no catalogue entry (its dossiers
 * carry no procedure code), dossiers received around Tết (17/02/2026) run late more often, some dossiers needed two
 * supplement requests, a few were returned, withdrawn or refused at reception, some are still open on 31/03/2026.
 */
public final class Sample2026 {
    private static final long SEED = 2026_0217L;
    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final LocalDate END = LocalDate.of(2026, 3, 31);
    /** The day the exports were read: dossiers due to finish after it are still open in the export. */
    private static final LocalDate READ = END;
    private static final LocalDate TET = LocalDate.of(2026, 2, 17);
    /** The official scores' province code (config org.province-code). */
    public static final String PROVINCE_CODE = "BNI";

    /** Departments, then the provincial public-service centre: code, name. */
    private static final String[][] DEPARTMENTS = {
            {"VPUB", "Văn phòng UBND tỉnh"}, {"SNV", "Sở Nội vụ"}, {"STP", "Sở Tư pháp"}, {"STC", "Sở Tài chính"},
            {"SCT", "Sở Công Thương"}, {"SNNMT", "Sở Nông nghiệp và Môi trường"}, {"SXD", "Sở Xây dựng"},
            {"SKHCN", "Sở Khoa học và Công nghệ"}, {"SGDDT", "Sở Giáo dục và Đào tạo"}, {"SYT", "Sở Y tế"},
            {"SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"}, {"SDTTG", "Sở Dân tộc và Tôn giáo"},
            {"TTRA", "Thanh tra tỉnh"}, {"TTPVHCC", "Trung tâm Phục vụ hành chính công tỉnh"}};

    /** The 99 communes and wards ("P " a ward, "X " a commune). */
    private static final String[] COMMUNES = {
            "P Kinh Bắc", "P Võ Cường", "P Vũ Ninh", "P Hạp Lĩnh", "P Nam Sơn", "P Từ Sơn", "P Tam Sơn", "P Đồng Nguyên",
            "P Phù Khê", "P Thuận Thành", "P Mão Điền", "P Trạm Lộ", "P Trí Quả", "P Song Liễu", "P Ninh Xá", "P Quế Võ",
            "P Phương Liễu", "P Nhân Hòa", "P Đào Viên", "P Bồng Lai", "P Chũ", "P Phượng Sơn", "P Bắc Giang", "P Đa Mai",
            "P Tiền Phong", "P Tân An", "P Yên Dũng", "P Tân Tiến", "P Cảnh Thụy", "P Việt Yên", "P Nếnh", "P Vân Hà",
            "P Tự Lạn", "X Tiên Du", "X Liên Bão", "X Tân Chi", "X Đại Đồng", "X Phật Tích", "X Gia Bình", "X Nhân Thắng",
            "X Đại Lai", "X Cao Đức", "X Đông Cứu", "X Lương Tài", "X Lâm Thao", "X Trung Chính", "X Trung Kênh",
            "X Yên Phong", "X Văn Môn", "X Tam Giang", "X Yên Trung", "X Tam Đa", "X Chi Lăng", "X Phù Lãng",
            "X Lạng Giang", "X Kép", "X Mỹ Thái", "X Tiên Lục", "X Tân Dĩnh", "X Lục Nam", "X Bảo Đài", "X Đông Phú",
            "X Nghĩa Phương", "X Lục Sơn", "X Bắc Lũng", "X Cẩm Lý", "X Trường Sơn", "X Lục Ngạn", "X Biển Động",
            "X Nam Dương", "X Kiên Lao", "X Sa Lý", "X Sơn Hải", "X Đèo Gia", "X Tân Sơn", "X Biên Sơn", "X Sơn Động",
            "X Tây Yên Tử", "X Dương Hưu", "X Yên Định", "X An Lạc", "X Vân Sơn", "X Đại Sơn", "X Tuấn Đạo", "X Yên Thế",
            "X Bố Hạ", "X Đồng Kỳ", "X Xuân Lương", "X Tam Tiến", "X Tân Yên", "X Ngọc Thiện", "X Nhã Nam", "X Phúc Hòa",
            "X Quang Trung", "X Hợp Thịnh", "X Hiệp Hòa", "X Hoàng Vân", "X Xuân Cẩm", "X Phúc Sơn"};

    /** The commune whose procedures are missing from the catalogue. */
    private static final String NO_CATALOGUE = "X-DEOGIA";
    /** Units that take no online payment yet. */
    private static final List<String> NO_PAYMENT = List.of("SDTTG", "X-SONDONG", "X-BIENDONG");

    private static final String[] DEPT_PROCEDURES = {
            "Cấp giấy phép", "Cấp lại giấy phép", "Gia hạn giấy phép", "Điều chỉnh giấy phép", "Cấp giấy chứng nhận",
            "Cấp lại giấy chứng nhận", "Thẩm định hồ sơ", "Công nhận", "Đăng ký hoạt động", "Thông báo thay đổi",
            "Cấp chứng chỉ hành nghề", "Phê duyệt", "Xác nhận đăng ký", "Cấp văn bản chấp thuận"};
    private static final String[] COMMUNE_PROCEDURES = {
            "Đăng ký khai sinh", "Đăng ký kết hôn", "Đăng ký khai tử", "Chứng thực bản sao từ bản chính",
            "Chứng thực chữ ký", "Xác nhận tình trạng hôn nhân", "Đăng ký thường trú", "Cấp giấy phép xây dựng nhà ở",
            "Đăng ký biến động đất đai", "Trợ cấp xã hội hằng tháng", "Đăng ký hộ kinh doanh", "Cấp bản sao trích lục hộ tịch",
            "Đăng ký nhận cha, mẹ, con", "Hỗ trợ chi phí mai táng"};
    private static final String[] CATEGORIES = {"Đất đai", "Môi trường", "Trật tự đô thị", "Giao thông", "Xây dựng",
            "Y tế", "Giáo dục", "Chính sách xã hội", "Hộ tịch", "Điện, nước sinh hoạt", "An ninh trật tự", "Khác"};

    private Sample2026() {
    }

    record U(String code, String name, boolean commune, double onTime, double online, double eResult, double digitised,
             double reused, double store, double vneid, double synced, double paid, double fully, double paknOnTime) {}

    record Proc(String code, String unit, String level, boolean fee, boolean eligible, boolean citizen, boolean result,
                int days) {}

    /** What the generator counts as it writes, to make plausible official scores (not the engine's figures). */
    static final class Tally {
        long handled, onTime, eligibleDossiers, fullyOnline, feeDue, paid, finishedResult, eResult, finished,
                digitised, received, reused, store, vneid, synced, feedback, feedbackOnTime, feedbackSatisfied;
    }

    /** Writes the 2026 sample into {@code dir}. */
    public static void write(Path dir, WorkingDays calendar) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        Dice dice = new Dice(SEED);
        List<U> units = units(dice);
        List<Proc> catalogue = catalogue(units, dice);
        List<String[]> changes = changes(units, dice);
        writeUnits(dir.resolve("units.csv"), units, changes);
        writeChanges(dir.resolve("unit-changes.csv"), changes);
        writeProcedures(dir.resolve("procedures.csv"), catalogue);
        writeDocuments(dir.resolve("documents.csv"), units, dice);
        Map<String, Tally> tallies = new LinkedHashMap<>();
        units.forEach(u -> tallies.put(u.code(), new Tally()));
        writeDossiers(dir.resolve("dossiers.csv"), units, catalogue, calendar, dice, tallies);
        writeFeedback(dir.resolve("feedback.csv"), units, calendar, dice, tallies);
        writeOfficial(dir.resolve("official-766.csv"), units, tallies, dice);
    }

    private static List<U> units(Dice dice) {
        List<U> out = new ArrayList<>();
        for (String[] d : DEPARTMENTS) {
            out.add(profile(d[0], d[1], false, dice));
        }
        for (String c : COMMUNES) {
            boolean ward = c.startsWith("P ");
            String name = c.substring(2);
            out.add(profile((ward ? "P-" : "X-") + ascii(name), (ward ? "Phường " : "Xã ") + name, true, dice));
        }
        return out;
    }

    private static U profile(String code, String name, boolean commune, Dice d) {
        double paid = NO_PAYMENT.contains(code) ? 0 : d.real(0.15, 0.95);
        return new U(code, name, commune, d.real(0.84, 0.995), d.real(0.35, 0.92), d.real(0.55, 0.99), d.real(0.6, 0.97),
                d.real(0.25, 0.9), d.real(0.3, 0.9), d.real(0.45, 0.97), d.real(0.9, 1.0), paid, d.real(0.35, 0.92),
                d.real(0.75, 0.99));
    }

    /** Vietnamese name to an upper-case ASCII code: "Đồng Nguyên" → "DONGNGUYEN". */
    static String ascii(String name) {
        String s = java.text.Normalizer.normalize(name.replace('Đ', 'D').replace('đ', 'd'), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z]", "");
        return s.toUpperCase(Locale.ROOT);
    }

    private static List<Proc> catalogue(List<U> units, Dice d) {
        List<Proc> out = new ArrayList<>();
        int serial = 1000;
        for (U u : units) {
            if (u.code().equals("TTPVHCC") || u.code().equals(NO_CATALOGUE)) {
                continue; // the centre receives for the departments; one commune's procedures were never published
            }
            int n = u.commune() ? COMMUNE_PROCEDURES.length : d.between(25, 60);
            for (int i = 0; i < n; i++) {
                String level = d.chance(0.08) ? "none" : d.chance(0.55) ? "full" : "partial";
                boolean eligible = !level.equals("none") && d.chance(level.equals("full") ? 0.9 : 0.35);
                out.add(new Proc((u.commune() ? "2." : "1.") + String.format("%06d", serial++) + ".000.00.00.H04", u.code(),
                        level, d.chance(u.commune() ? 0.35 : 0.55), eligible, d.chance(u.commune() ? 0.95 : 0.6),
                        d.chance(0.9), d.pick(List.of(1, 2, 3, 5, 7, 10, 15))));
            }
        }
        return out;
    }

    private static String procName(Proc p, List<U> units) {
        int i = Integer.parseInt(p.code().substring(2, 8));
        String[] names = p.code().startsWith("2.") ? COMMUNE_PROCEDURES : DEPT_PROCEDURES;
        return names[i % names.length] + (p.code().startsWith("2.") ? "" : " (" + i + ")");
    }

    /**
     * The units of 07/2025, then those they were made from, active until 30/06/2025 (not measured in 2026, but named
     * when a merged commune's bulletin says whose records its comparisons take).
     */
    private static void writeUnits(Path file, List<U> units, List<String[]> changes) {
        try (CsvFile csv = new CsvFile(file, "code", "name", "level", "parent", "active_from", "active_to")) {
            for (U u : units) {
                csv.row(u.code(), u.name(), u.commune() ? "commune" : "province", null, u.commune() ? "2025-07-01" : null, null);
            }
            for (String[] c : changes) {
                csv.row(c[0], c[2], "commune", null, null, "2025-06-30");
            }
        }
    }

    /** Syllables of plausible commune names of before 2025 (synthetic: no real commune is meant by a pair). */
    private static final String[] FIRST = {"Tân", "Đông", "Tây", "Nam", "Bắc", "Hòa", "An", "Phú", "Xuân", "Thanh", "Quang",
        "Minh", "Việt", "Đại", "Trung", "Hương", "Song", "Ngọc", "Cao", "Lạc"};
    private static final String[] SECOND = {"Hưng", "Lập", "Tiến", "Phong", "Sơn", "Thịnh", "Long", "Bình", "Thành", "Lợi",
        "Phúc", "Yên", "Đức", "Lâm", "Khê", "Hải"};

    /**
     * Each commune or ward of 07/2025 was made from two to four of the old ones (codes of 2025, district-era), as
     * {old code, new code, old name}; a ward's were wards. Names are drawn without the dice, so the other files stay
     * as they were.
     */
    private static List<String[]> changes(List<U> units, Dice d) {
        List<String[]> out = new ArrayList<>();
        int old = 1;
        for (U u : units) {
            if (!u.commune()) {
                continue;
            }
            int n = d.between(2, 4);
            for (int i = 0; i < n; i++) {
                int pair = (old * 47) % (FIRST.length * SECOND.length); // 47 is prime to 320: every pair once
                String name = (u.name().startsWith("Phường") ? "Phường " : "Xã ") + FIRST[pair / SECOND.length] + " "
                        + SECOND[pair % SECOND.length];
                out.add(new String[] {String.format("XC25-%05d", old++), u.code(), name});
            }
        }
        return out;
    }

    private static void writeChanges(Path file, List<String[]> changes) {
        try (CsvFile csv = new CsvFile(file, "old_code", "new_code", "effective_date")) {
            for (String[] c : changes) {
                csv.row(c[0], c[1], "2025-07-01");
            }
        }
    }

    private static void writeProcedures(Path file, List<Proc> catalogue) {
        try (CsvFile csv = new CsvFile(file, "code", "name", "unit", "online_level", "fee_required", "full_online_eligible",
                "citizen_facing")) {
            for (Proc p : catalogue) {
                csv.row(p.code(), procName(p, null), p.unit(), p.level(), b(p.fee()), b(p.eligible()), b(p.citizen()));
            }
        }
    }

    private static void writeDocuments(Path file, List<U> units, Dice d) {
        try (CsvFile csv = new CsvFile(file, "id", "unit", "direction", "date", "from_work_dossier", "signed")) {
            int id = 1;
            for (U u : units) {
                int in = u.commune() ? d.between(40, 110) : d.between(250, 600);
                double edoc = d.real(u.commune() ? 0.6 : 0.85, 1.0);
                for (int i = 0; i < in; i++) {
                    csv.row(String.format("VB26-%06d", id++), u.code(), "in", day(d).toString(), null, null);
                }
                int out = (int) Math.round(in * d.real(0.85, 1.15));
                for (int i = 0; i < out; i++) {
                    boolean fromDossier = d.chance(edoc);
                    csv.row(String.format("VB26-%06d", id++), u.code(), "out", day(d).toString(), b(fromDossier),
                            b(fromDossier || d.chance(0.8)));
                }
            }
        }
    }

    private static LocalDate day(Dice d) {
        return START.plusDays(d.between(0, (int) (END.toEpochDay() - START.toEpochDay())));
    }

    private static LocalDate workday(Dice d, WorkingDays wd) {
        LocalDate x = day(d);
        while (!wd.isWorking(x)) {
            x = day(d);
        }
        return x;
    }

    private static void writeDossiers(Path file, List<U> units, List<Proc> catalogue, WorkingDays wd, Dice d,
                                      Map<String, Tally> tallies) {
        Map<String, List<Proc>> byUnit = new LinkedHashMap<>();
        catalogue.forEach(p -> byUnit.computeIfAbsent(p.unit(), k -> new ArrayList<>()).add(p));
        List<Proc> departments = catalogue.stream().filter(p -> p.code().startsWith("1.")).toList();
        try (CsvFile csv = new CsvFile(file, "id", "procedure", "unit", "channel", "received_date", "due_date",
                "finished_date", "status", "supplement_count", "paused_days", "result_required", "e_result", "digitised",
                "reused", "personal_store", "vneid", "synced_national", "fee_due", "paid_online", "fully_online")) {
            int id = 1;
            for (U u : units) {
                Tally t = tallies.get(u.code());
                int n = u.code().equals("TTPVHCC") ? 1600 : u.commune() ? d.between(45, 120) : d.between(120, 380);
                List<Proc> mine = u.code().equals("TTPVHCC") ? departments : byUnit.getOrDefault(u.code(), List.of());
                List<Row> rows = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    rows.add(dossier(u, mine.isEmpty() ? null : d.pick(mine), wd, d, t));
                }
                rows.sort(Comparator.comparing(Row::received));
                for (Row r : rows) {
                    String[] c = r.cells();
                    c[0] = String.format("HS26-%06d", id++);
                    csv.row(c);
                }
            }
        }
    }

    private record Row(LocalDate received, String[] cells) {}

    private static Row dossier(U u, Proc p, WorkingDays wd, Dice d, Tally t) {
        LocalDate received = workday(d, wd);
        int days = p == null ? d.pick(List.of(1, 3, 5)) : p.days();
        LocalDate due = wd.add(received, days);
        boolean nearTet = !received.isBefore(TET.minusDays(12)) && !received.isAfter(TET.plusDays(10));
        double onTimeChance = nearTet ? u.onTime() - 0.3 : u.onTime();
        int supplements = d.chance(0.82) ? 0 : d.chance(0.85) ? 1 : 2;
        int paused = supplements == 0 ? 0 : d.between(2, 9);
        boolean late = supplements > 1 || !d.chance(onTimeChance);
        LocalDate done = late ? wd.add(due, d.between(1, nearTet ? 12 : 6)) : wd.add(received, d.between(0, days));
        done = done.plusDays(paused);
        String status;
        if (d.chance(0.01)) {
            status = "rejected";
        } else if (done.isAfter(READ)) {
            status = "processing";
        } else if (d.chance(0.02)) {
            status = "returned";
        } else if (d.chance(0.01)) {
            status = "cancelled";
        } else {
            status = "finished";
        }
        boolean ended = !status.equals("processing") && !status.equals("rejected");
        boolean online = d.chance(u.online());
        boolean result = p == null ? d.chance(0.9) : p.result();
        boolean finished = status.equals("finished");
        boolean eResult = finished && result && d.chance(u.eResult());
        boolean digitised = d.chance(u.digitised());
        boolean reused = d.chance(u.reused());
        boolean store = d.chance(u.store());
        boolean vneid = d.chance(u.vneid());
        boolean synced = d.chance(u.synced());
        boolean fee = p != null ? p.fee() : d.chance(0.3);
        boolean paid = fee && d.chance(online ? Math.min(1, u.paid() * 1.2) : u.paid() * 0.3);
        boolean eligible = p != null && p.eligible();
        boolean fully = online && eligible && p.level().equals("full") && d.chance(u.fully());
        if (!status.equals("rejected")) {
            t.received++;
            t.handled++;
            LocalDate evaluated = ended ? done : READ;
            t.onTime += supplements <= 1 && !evaluated.minusDays(paused).isAfter(due) ? 1 : 0;
            if (eligible) {
                t.eligibleDossiers++;
                t.fullyOnline += fully ? 1 : 0;
            }
            if (fee) {
                t.feeDue++;
                t.paid += paid ? 1 : 0;
            }
            if (finished) {
                t.finished++;
                t.digitised += digitised && (!result || eResult) ? 1 : 0;
                if (result) {
                    t.finishedResult++;
                    t.eResult += eResult ? 1 : 0;
                }
            }
            t.reused += reused ? 1 : 0;
            t.store += store ? 1 : 0;
            t.vneid += vneid ? 1 : 0;
            t.synced += synced ? 1 : 0;
        }
        String feeCell = !fee ? "0" : d.chance(0.5) ? "1" : String.format(Locale.ROOT, "%,d", 10_000 * d.between(1, 50)).replace(',', '.');
        String[] cells = {null, p == null ? null : p.code(), u.code(), online ? "online" : d.chance(0.1) ? "postal" : "direct",
                received.toString(), due.toString(), ended ? done.toString() : null, status, Integer.toString(supplements),
                Integer.toString(paused), b(result), b(eResult), b(digitised), b(reused), b(store), b(vneid), b(synced),
                feeCell, b(paid), b(fully)};
        return new Row(received, cells);
    }

    private static void writeFeedback(Path file, List<U> units, WorkingDays wd, Dice d, Map<String, Tally> tallies) {
        List<U> communes = units.stream().filter(U::commune).toList();
        List<U> departments = units.stream().filter(u -> !u.commune() && !u.code().equals("TTPVHCC")).toList();
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 1400; i++) {
            U place = d.pick(communes);
            U handler = d.chance(0.55) ? place : d.chance(0.9) ? d.pick(departments) : null;
            LocalDate received = day(d);
            LocalDate due = wd.add(received, 15);
            boolean nearTet = !received.isBefore(TET.minusDays(20)) && !received.isAfter(TET.plusDays(5));
            double onTime = handler == null ? 0.9 : handler.paknOnTime() - (nearTet ? 0.2 : 0);
            boolean late = !d.chance(onTime);
            LocalDate processed = late ? wd.add(due, d.between(1, 10)) : wd.add(received, d.between(2, 15));
            String status = d.chance(0.02) ? "new" : processed.isAfter(READ) ? "processing" : "processed";
            int likes = d.between(0, 6);
            int dislikes = d.chance(0.12) ? likes + d.between(1, 3) : d.between(0, likes);
            boolean reraised = d.chance(0.05);
            if (handler != null && !status.equals("new")) {
                Tally t = tallies.get(handler.code());
                t.feedback++;
                boolean onTimeThere = !(status.equals("processed") ? processed : READ).isAfter(due);
                t.feedbackOnTime += onTimeThere ? 1 : 0;
                t.feedbackSatisfied += onTimeThere && dislikes <= likes && !reraised ? 1 : 0;
            }
            rows.add(new String[]{null, received.toString(), place.code(), handler == null ? null : handler.code(),
                    d.pick(List.of(CATEGORIES)), status, status.equals("processed") ? processed.toString() : null,
                    status.equals("processed") && d.chance(0.6) ? Integer.toString(d.between(2, 5)) : null,
                    d.chance(0.2) ? due.toString() : null, Integer.toString(likes), Integer.toString(dislikes), b(reraised)});
        }
        rows.sort(Comparator.comparing(r -> r[1]));
        try (CsvFile csv = new CsvFile(file, "id", "received_date", "locality", "handler", "category", "status",
                "processed_date", "rating", "due_date", "likes", "dislikes", "reraised")) {
            int id = 1;
            for (String[] r : rows) {
                r[0] = String.format("PAKN26-%05d", id++);
                csv.row(r);
            }
        }
    }

    /**
     * Plausible portal scores for the quarter: each group from the generator's own counts (the portal's rules only
     * roughly), the official-only items at a unit's own rates, a little noise, a technical deduction for a few units,
     * and three units where the portal counts on-time dossiers differently (they show in the reconciliation).
     */
    private static void writeOfficial(Path file, List<U> units, Map<String, Tally> tallies, Dice d) {
        record Scored(U unit, double[] groups, double tong) {}
        List<Scored> scored = new ArrayList<>();
        Tally all = new Tally();
        for (U u : units) {
            Tally t = tallies.get(u.code());
            add(all, t);
            double[] g = groups(t, u.synced(), d);
            if (u.code().equals("SCT") || u.code().equals("P-NAMSON") || u.code().equals("X-LUCNGAN")) {
                g[1] = Math.max(0, g[1] - d.real(3.5, 6));
            }
            double deduction = d.chance(0.1) ? d.between(1, 3) * 0.5 : 0;
            double sum = 0;
            for (int i = 0; i < g.length; i++) {
                g[i] = Math.round(g[i] * 100) / 100.0; // as written, so that the deduction is exactly what was taken off
                sum += g[i];
            }
            scored.add(new Scored(u, g, Math.max(0, sum - deduction)));
        }
        String[] codes = {"cong_khai", "tien_do", "dvc_truc_tuyen", "thanh_toan", "so_hoa", "hai_long"};
        try (CsvFile csv = new CsvFile(file, "period_start", "period_end", "unit", "group", "score", "max", "rank")) {
            double[] p = groups(all, 0.97, d);
            double sum = 0;
            for (int i = 0; i < codes.length; i++) {
                csv.row(START.toString(), END.toString(), null, codes[i], score(p[i]), null, null);
                sum += Math.round(p[i] * 100) / 100.0;
            }
            csv.row(START.toString(), END.toString(), null, "tong", score(sum - 0.5), null, "4");
            for (boolean commune : new boolean[]{false, true}) {
                List<Scored> level = scored.stream().filter(s -> s.unit().commune() == commune)
                        .sorted(Comparator.comparingDouble(Scored::tong).reversed()).toList();
                Map<String, Integer> rank = new LinkedHashMap<>();
                for (int i = 0; i < level.size(); i++) {
                    rank.put(level.get(i).unit().code(), i + 1);
                }
                for (Scored s : scored) {
                    if (s.unit().commune() != commune) {
                        continue;
                    }
                    for (int i = 0; i < codes.length; i++) {
                        csv.row(START.toString(), END.toString(), s.unit().code(), codes[i], score(s.groups()[i]), null, null);
                    }
                    csv.row(START.toString(), END.toString(), s.unit().code(), "tong", score(s.tong()), null,
                            Integer.toString(rank.get(s.unit().code())));
                }
            }
        }
    }

    private static double[] groups(Tally t, double synced, Dice d) {
        // the official-only items (1.x, 5.3, 6.4) at the unit's own rates, as the reconciliation compares them
        double congKhai = 18 * Math.min(1, synced * d.real(0.9, 1.0));
        double tienDo = 20 * share(t.onTime, t.handled, 0.9);
        double dvc = 12 * share(t.fullyOnline, t.eligibleDossiers, 0.7);
        double pay = 2 + (t.paid > 0 ? 2 : 0) + 6 * Math.min(1, share(t.paid, t.feeDue, 0.5) / 0.3);
        double soHoa = 22 * (6 * share(t.eResult, t.finishedResult, 0.8) + 4 * Math.min(1, share(t.digitised, t.finished, 0.8) / 0.8)
                + 2 * Math.min(1, share(t.reused, t.received, 0.5) / 0.8) + 4 * share(t.store, t.received, 0.5)
                + 2 * share(t.vneid, t.received, 0.7) + 2 * 0.95) / 20;
        double haiLong = 18 * (share(t.feedbackOnTime, t.feedback, 0.85) + share(t.feedbackSatisfied, t.feedback, 0.75)) / 2;
        double[] g = {congKhai, tienDo, dvc, pay, soHoa, haiLong};
        for (int i = 0; i < g.length; i++) {
            g[i] = Math.max(0, g[i] + d.real(-0.3, 0.3));
        }
        double[] max = {18, 20, 12, 10, 22, 18};
        for (int i = 0; i < g.length; i++) {
            g[i] = Math.min(max[i], g[i]);
        }
        return g;
    }

    private static double share(long num, long den, double otherwise) {
        return den == 0 ? otherwise : (double) num / den;
    }

    private static void add(Tally all, Tally t) {
        all.handled += t.handled;
        all.onTime += t.onTime;
        all.eligibleDossiers += t.eligibleDossiers;
        all.fullyOnline += t.fullyOnline;
        all.feeDue += t.feeDue;
        all.paid += t.paid;
        all.finishedResult += t.finishedResult;
        all.eResult += t.eResult;
        all.finished += t.finished;
        all.digitised += t.digitised;
        all.received += t.received;
        all.reused += t.reused;
        all.store += t.store;
        all.vneid += t.vneid;
        all.synced += t.synced;
        all.feedback += t.feedback;
        all.feedbackOnTime += t.feedbackOnTime;
        all.feedbackSatisfied += t.feedbackSatisfied;
    }

    private static String score(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    private static String b(boolean x) {
        return x ? "1" : "0";
    }
}
