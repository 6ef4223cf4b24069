package vn.bantin.indicator;

import java.util.List;

/**
 * The Decision 766 items computed locally (spec indicators-766 §5), with the default points P, threshold T and
 * target, whom a record is credited to, and the optional columns without which the item has no figure
 * ({@code file.column}).
 */
public enum Item766 {
    SYNCED_DOSSIERS("766.1.4.synced_dossiers", Group766.CONG_KHAI, "Hồ sơ đồng bộ lên Cổng DVCQG", Credit.DOSSIER, 0, null, null,
            "dossiers.synced_national"),
    ON_TIME("766.2.1.on_time", Group766.TIEN_DO, "Hồ sơ xử lý trước hạn, đúng hạn", Credit.DOSSIER, 20, null, null,
            "dossiers.due_date", "dossiers.finished_date"),
    MEAN_DAYS("766.2.2.mean_days", Group766.TIEN_DO, "Thời gian giải quyết trung bình (ngày làm việc)", Credit.DOSSIER, 0, null,
            null, "dossiers.finished_date"),
    ONLINE_SERVICES("766.3.1.online_services", Group766.DVC_TRUC_TUYEN, "TTHC cung cấp DVCTT (một phần, toàn trình)",
            Credit.CATALOGUE, 0, null, 80.0),
    FULL_SERVICES("766.3.1.full_services", Group766.DVC_TRUC_TUYEN, "TTHC đủ điều kiện được cung cấp DVCTT toàn trình",
            Credit.CATALOGUE, 0, null, null, "procedures.full_online_eligible"),
    SERVICES_WITH_DOSSIERS("766.3.2.services_with_dossiers", Group766.DVC_TRUC_TUYEN, "DVCTT có phát sinh hồ sơ",
            Credit.CATALOGUE, 0, null, null, "dossiers.procedure"),
    ONLINE_DOSSIERS("766.3.3.online_dossiers", Group766.DVC_TRUC_TUYEN, "Hồ sơ trực tuyến", Credit.DOSSIER, 0, null, 50.0,
            "dossiers.result_required", "dossiers.e_result"),
    FULLY_ONLINE_DOSSIERS("766.3.4.fully_online_dossiers", Group766.DVC_TRUC_TUYEN, "Hồ sơ DVCTT toàn trình",
            Credit.DOSSIER, 12, null, null, "procedures.full_online_eligible", "dossiers.procedure", "dossiers.fully_online"),
    PAYMENT_INTEGRATED("766.4.1.payment_integrated", Group766.THANH_TOAN, "TTHC có nghĩa vụ tài chính được tích hợp thanh toán",
            Credit.CATALOGUE, 2, 80.0, null, "procedures.fee_required", "dossiers.procedure", "dossiers.fee_due"),
    PAYMENT_TRANSACTIONS("766.4.2.payment_transactions", Group766.THANH_TOAN, "TTHC có giao dịch thanh toán trực tuyến",
            Credit.CATALOGUE, 2, 80.0, null, "dossiers.procedure", "dossiers.fee_due", "dossiers.paid_online"),
    PAID_ONLINE_DOSSIERS("766.4.3.paid_online_dossiers", Group766.THANH_TOAN, "Hồ sơ thanh toán trực tuyến", Credit.DOSSIER, 6,
            30.0, null, "dossiers.fee_due", "dossiers.paid_online"),
    E_RESULTS("766.5.1.e_results", Group766.SO_HOA, "Hồ sơ có kết quả giải quyết điện tử", Credit.DOSSIER, 6, null, null,
            "dossiers.finished_date", "dossiers.result_required", "dossiers.e_result"),
    DIGITISED("766.5.2.digitised", Group766.SO_HOA, "Hồ sơ thực hiện số hóa", Credit.DOSSIER, 4, 80.0, null,
            "dossiers.finished_date", "dossiers.digitised", "dossiers.result_required", "dossiers.e_result"),
    REUSED("766.5.4.reused", Group766.SO_HOA, "Hồ sơ khai thác, sử dụng lại dữ liệu số hóa", Credit.DOSSIER, 2, 80.0, null,
            "dossiers.reused"),
    PERSONAL_STORE("766.5.5.personal_store", Group766.SO_HOA, "Hồ sơ số hóa kết nối kho dữ liệu cá nhân", Credit.DOSSIER, 4,
            null, null, "dossiers.personal_store"),
    VNEID_DOSSIERS("766.5.6.vneid_dossiers", Group766.SO_HOA, "Hồ sơ sử dụng dữ liệu dân cư / VNeID", Credit.DOSSIER, 2, null,
            null, "dossiers.vneid"),
    POPULATION_DB_PROCEDURES("766.5.7.population_db_procedures", Group766.SO_HOA, "TTHC kết nối, chia sẻ dữ liệu dân cư",
            Credit.CATALOGUE, 2, null, null, "procedures.citizen_facing", "dossiers.procedure", "dossiers.vneid"),
    PAKN_ON_TIME("766.6.2.pakn_on_time", Group766.HAI_LONG, "PAKN xử lý đúng hạn", Credit.FEEDBACK, 6, null, null,
            "feedback.processed_date"),
    PAKN_SATISFACTION("766.6.3.pakn_satisfaction", Group766.HAI_LONG, "Hài lòng trong xử lý PAKN", Credit.FEEDBACK, 6, null, null,
            "feedback.processed_date", "feedback.likes", "feedback.dislikes", "feedback.reraised");

    /** Who a record counts for: the dossier's unit, the procedure's unit, the feedback's handler. */
    public enum Credit { DOSSIER, CATALOGUE, FEEDBACK }

    private final String id;
    private final Group766 group;
    private final String title;
    private final Credit credit;
    private final double points;
    private final Double threshold;
    private final Double target;
    private final List<String> needs;

    Item766(String id, Group766 group, String title, Credit credit, double points, Double threshold, Double target,
            String... needs) {
        this.id = id;
        this.group = group;
        this.title = title;
        this.credit = credit;
        this.points = points;
        this.threshold = threshold;
        this.target = target;
        this.needs = List.of(needs);
    }

    /** The indicators.csv id, also the config key's middle ({@code score.<id>.points}). */
    public String id() {
        return id;
    }

    /** "2.1", "4.3": the number the bulletin shows. */
    public String number() {
        return id.substring(4, id.indexOf('.', 6));
    }

    public Group766 group() {
        return group;
    }

    public String title() {
        return title;
    }

    public Credit credit() {
        return credit;
    }

    public double defaultPoints() {
        return points;
    }

    public Double defaultThreshold() {
        return threshold;
    }

    public Double defaultTarget() {
        return target;
    }

    /** Optional columns ({@code file.column}) the item needs. */
    public List<String> needs() {
        return needs;
    }

    /** 2.2 is a mean of working days, not a share. */
    public boolean mean() {
        return this == MEAN_DAYS;
    }

    /** The items the portal scores but the province cannot compute, by group (spec §1). */
    public static List<String> officialOnly(Group766 group) {
        return switch (group) {
            case CONG_KHAI -> List.of("1.1", "1.2", "1.3", "1.4");
            case SO_HOA -> List.of("5.3");
            case HAI_LONG -> List.of("6.1", "6.4");
            default -> List.of();
        };
    }
}
