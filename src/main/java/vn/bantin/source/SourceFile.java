package vn.bantin.source;

import java.util.List;
import java.util.Map;

/**
 * The five platform exports of the data contract, with the columns each must have and those it may have (the
 * Decision 766 columns among them: every one optional).
 */
public enum SourceFile {
    UNITS("units.csv", "Danh mục đơn vị", List.of("code", "name", "level"), List.of("parent", "active_from", "active_to"),
            Map.of("level", List.of("province", "district", "commune"))),
    DOCUMENTS("documents.csv", "Hệ thống Quản lý văn bản và điều hành",
            List.of("id", "unit", "direction", "date"), List.of("from_work_dossier", "signed"),
            Map.of("direction", List.of("in", "out"), "from_work_dossier", List.of("true", "false"),
                    "signed", List.of("true", "false"))),
    PROCEDURES("procedures.csv", "Danh mục thủ tục hành chính", List.of("code", "unit", "online_level"),
            List.of("name", "fee_required", "full_online_eligible", "citizen_facing"),
            Map.of("online_level", List.of("1", "2", "3", "4", "none", "partial", "full"))),
    DOSSIERS("dossiers.csv", "Hệ thống thông tin giải quyết TTHC",
            List.of("id", "unit", "channel", "received_date"), List.of("procedure", "due_date", "finished_date",
                    "status", "supplement_count", "paused_days", "result_required", "e_result", "digitised", "reused",
                    "personal_store", "vneid", "synced_national", "fee_due", "paid_online", "fully_online"),
            Map.of("channel", List.of("online", "direct", "postal"),
                    "status", List.of("processing", "finished", "returned", "cancelled", "rejected"))),
    FEEDBACK("feedback.csv", "Hệ thống tiếp nhận phản ánh kiến nghị",
            List.of("id", "received_date", "locality", "category", "status"), List.of("handler", "processed_date", "rating",
                    "due_date", "likes", "dislikes", "reraised"),
            Map.of("status", List.of("new", "processing", "processed")));

    private final String fileName;
    private final String system;
    private final List<String> required;
    private final List<String> optional;
    private final Map<String, List<String>> words;

    SourceFile(String fileName, String system, List<String> required, List<String> optional, Map<String, List<String>> words) {
        this.fileName = fileName;
        this.system = system;
        this.required = required;
        this.optional = optional;
        this.words = words;
    }

    /** Columns whose values are words of the contract, with those words: an export's own words may be mapped onto them. */
    public Map<String, List<String>> words() {
        return words;
    }

    public boolean hasColumn(String column) {
        return required.contains(column) || optional.contains(column);
    }

    public String fileName() {
        return fileName;
    }

    /** The platform the file comes from, in Vietnamese, for the data-quality note. */
    public String system() {
        return system;
    }

    public List<String> required() {
        return required;
    }

    public List<String> optional() {
        return optional;
    }

    /** Config key prefix, e.g. {@code source.documents}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
