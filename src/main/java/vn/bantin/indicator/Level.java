package vn.bantin.indicator;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/** Level of government a unit belongs to. The id is what files and config use. */
public enum Level {
    PROVINCE("province"), DISTRICT("district"), COMMUNE("commune");

    private final String id;

    Level(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Reads the English id or the Vietnamese word, with or without diacritics (tỉnh/tinh, huyện/huyen, xã/xa). */
    public static Optional<Level> parse(String text) {
        String word = Normalizer.normalize(text.trim().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return switch (word) {
            case "province", "tinh" -> Optional.of(PROVINCE);
            case "district", "huyen" -> Optional.of(DISTRICT);
            case "commune", "xa" -> Optional.of(COMMUNE);
            default -> Optional.empty();
        };
    }
}
