package vn.bantin.gather;

import java.util.ArrayList;
import java.util.List;

/**
 * A query with named parameters ({@code :period_start}) turned into JDBC's {@code ?}s, with the name of each in order.
 * Quoted text ({@code '…'}, {@code "…"}) and PostgreSQL's casts ({@code ::date}) are left alone.
 */
record NamedQuery(String sql, List<String> names) {

    static NamedQuery parse(String query) {
        StringBuilder sql = new StringBuilder();
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == '\'' || c == '"') {
                int end = query.indexOf(c, i + 1);
                end = end < 0 ? query.length() - 1 : end;
                sql.append(query, i, end + 1);
                i = end + 1;
            } else if (c == ':' && i + 1 < query.length() && query.charAt(i + 1) == ':') {
                sql.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < query.length() && Character.isJavaIdentifierStart(query.charAt(i + 1))) {
                int end = i + 1;
                while (end < query.length() && Character.isJavaIdentifierPart(query.charAt(end))) {
                    end++;
                }
                names.add(query.substring(i + 1, end));
                sql.append('?');
                i = end;
            } else {
                sql.append(c);
                i++;
            }
        }
        return new NamedQuery(sql.toString(), List.copyOf(names));
    }
}
