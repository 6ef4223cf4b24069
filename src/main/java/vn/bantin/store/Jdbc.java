package vn.bantin.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/** The few conversions the stores share, written once so that they stay the same on H2 and PostgreSQL. */
final class Jdbc {
    private Jdbc() {
    }

    /** Times go in as UTC {@code TIMESTAMP WITH TIME ZONE}; both drivers take an {@link OffsetDateTime}. */
    static void setInstant(PreparedStatement s, int index, Instant t) throws SQLException {
        if (t == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet r, String column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static void setLong(PreparedStatement s, int index, Long v) throws SQLException {
        if (v == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, v);
        }
    }

    static Long getLong(ResultSet r, String column) throws SQLException {
        long v = r.getLong(column);
        return r.wasNull() ? null : v;
    }

    /** A name-to-value map as sorted {@code name=value} lines; names hold no line break, values no '='. */
    static String lines(Map<String, String> map) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
            if (e.getKey().matches("(?s).*[\\r\\n].*") || e.getValue().matches("(?s).*[\\r\\n=].*")) {
                throw new IllegalArgumentException("cannot store '" + e.getKey() + "=" + e.getValue()
                        + "': a name holds no line break, a value no line break nor '='");
            }
            b.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        return b.toString();
    }

    static Map<String, String> map(String lines) {
        Map<String, String> map = new TreeMap<>();
        if (lines != null) {
            lines.lines().filter(l -> !l.isEmpty()).forEach(l -> {
                int eq = l.lastIndexOf('=');
                map.put(l.substring(0, eq), l.substring(eq + 1));
            });
        }
        return map;
    }

    /** Cuts free text to at most {@code max} characters, so an endless server reply never fails a write. */
    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
