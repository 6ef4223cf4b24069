package vn.bantin.schedule;

import java.util.List;

/** The bulletins a schedule or a request can name. */
public final class Bulletins {
    public static final String PROVINCE = "province";
    public static final String UNIT = "unit";
    public static final List<String> ALL = List.of(PROVINCE, UNIT);

    private Bulletins() {
    }

    public static boolean known(String bulletin) {
        return ALL.contains(bulletin);
    }
}
