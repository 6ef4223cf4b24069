package vn.bantin.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code store copy}: moves a whole store into another, empty one (an H2 file into PostgreSQL, say): runs,
 * deliveries, attachment records, snapshots and Quartz's tables, every table there is, read through JDBC's metadata
 * so that a table a later migration adds is copied too. The target is migrated to the source's version first; the
 * rows go in foreign-key order, in batches, in one transaction, so that a failure leaves the target as empty as it
 * was; identity columns continue after the copied ids; the row counts are compared before the commit.
 */
public final class StoreCopy {
    static final int BATCH = 500;
    static final long PROGRESS_EVERY = 10_000;
    private static final String FLYWAY_TABLE = "flyway_schema_history";

    private StoreCopy() {
    }

    /** Told every {@link #PROGRESS_EVERY} rows of a table, so that a large copy shows it moves. */
    public interface Progress {
        void copied(String table, long done, long total);
    }

    /** One table: rows in the source and rows in the target after the copy (the same, or nothing was committed). */
    public record Table(String name, long source, long target) {
    }

    /** The attachment archive: the files the target's folder got, and those it had already (same name, same bytes). */
    public record Archive(Path from, Path to, int copied, int present) {
    }

    /** What was copied; {@code archive} is empty when both stores keep their attachments in the same folder. */
    public record Copied(String from, String to, SchemaStatus.Migration version, List<Table> tables, Optional<Archive> archive) {
        public long rows() {
            return tables.stream().mapToLong(Table::target).sum();
        }
    }

    /**
     * Copies the store at {@code fromAddress} into the one at {@code toAddress} (an H2 file is made if need be; a
     * PostgreSQL database must exist, made by its administrator).
     *
     * @throws StoreException when either cannot be reached, the source is in use, the target already holds data or
     *                        is at another version, or the copy failed (then nothing was committed to the target)
     */
    public static Copied copy(StoreAddress fromAddress, StoreAddress toAddress, Progress progress) {
        String from = fromAddress.where();
        String to = toAddress.where();
        if (sameStore(fromAddress.url(), toAddress.url())) {
            throw new StoreException("The store " + from + " cannot be copied into itself; give another URL to --to.");
        }
        OwnerAccess source = OwnerAccess.of(fromAddress); // a source that does not exist is not made
        OwnerAccess.existing(toAddress); // a target without its user is refused before the source is opened
        // Opening it as every command does: migrated to this build, held by this process, or the sentence of a held file.
        try (Database held = Database.open(fromAddress)) {
            SchemaStatus sourceSchema = StoreMigration.status(source);
            if (!sourceSchema.upToDate()) {
                throw new StoreException(sourceSchema.problems(from).stream().findFirst()
                        .orElse("The store " + from + " is not at this build's schema.") + " Nothing was copied.");
            }
            refuseInUse(source);
            refuseNonEmpty(toAddress);
            Database.open(toAddress).close(); // made and migrated as serve would, with its accounts
            OwnerAccess target = OwnerAccess.of(toAddress);
            SchemaStatus targetSchema = StoreMigration.status(target);
            if (!sourceSchema.current().equals(targetSchema.current()) || !targetSchema.upToDate()) {
                throw new StoreException("The target " + to + " is at schema " + targetSchema.current() + ", not the source's "
                        + sourceSchema.current() + (targetSchema.problems(to).isEmpty() ? "" : " (" + targetSchema.problems(to).get(0) + ")")
                        + "; nothing was copied.");
            }
            Optional<Archive> archive = copyArchive(fromAddress.archiveFolder(), toAddress.archiveFolder());
            List<Table> tables = copyTables(source, target, progress);
            return new Copied(from, to, sourceSchema.current(), tables, archive);
        }
    }

    private static boolean sameStore(String a, String b) {
        Optional<StoreFiles> fa = StoreFiles.of(a);
        Optional<StoreFiles> fb = StoreFiles.of(b);
        if (fa.isPresent() && fb.isPresent()) {
            return fa.get().data().toAbsolutePath().normalize().equals(fb.get().data().toAbsolutePath().normalize());
        }
        return Database.where(a).equals(Database.where(b));
    }

    /**
     * A source that a serve still uses would go on changing after the copy: refused. An H2 file is held by its serve,
     * and opening it has already said so; a server database is shared, so its members' check-ins tell.
     */
    private static void refuseInUse(OwnerAccess source) {
        try (Connection c = source.connect()) {
            List<StoreCheck.Member> alive = StoreCheck.members(c, java.time.Instant.now()).stream().filter(StoreCheck.Member::alive).toList();
            if (!alive.isEmpty()) {
                throw new StoreException("The store " + source.where() + " is in use by serve (" + String.join(", ",
                        alive.stream().map(StoreCheck.Member::instance).toList()) + " checked in lately); stop every serve on it"
                        + " first, so that nothing changes it after the copy. Nothing was copied.");
            }
        } catch (SQLException e) {
            throw new StoreException("The store " + source.where() + " could not be read: " + Database.reason(e) + ".", e);
        }
    }

    /** A target with a row in any table is refused before anything is written to it, even its migrations. */
    private static void refuseNonEmpty(StoreAddress toAddress) {
        String to = toAddress.where();
        Optional<OwnerAccess> existing = OwnerAccess.existing(toAddress);
        if (existing.isEmpty()) {
            return;
        }
        try (Connection c = existing.get().connect()) {
            Map<String, Long> rows = new TreeMap<>();
            for (String table : tables(c)) {
                long n = count(c, table);
                if (n > 0) {
                    rows.put(table.toLowerCase(Locale.ROOT), n);
                }
            }
            if (!rows.isEmpty()) {
                throw new StoreException("The target " + to + " already holds data (" + String.join(", ", rows.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue() + (e.getValue() == 1 ? " row" : " rows")).toList())
                        + "); nothing was written to it. Copy into a new, empty database (or drop and create this one) so"
                        + " that no run or delivery is mixed with another store's.");
            }
        } catch (SQLException e) {
            throw new StoreException("The target " + to + " could not be read: " + Database.reason(e) + ".", e);
        }
    }

    private static List<Table> copyTables(OwnerAccess source, OwnerAccess target, Progress progress) {
        try (Connection in = source.connect(); Connection out = target.connect()) {
            in.setAutoCommit(false);
            in.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            in.setReadOnly(true);
            List<String> order = foreignKeyOrder(in);
            Map<String, String> targetTables = byLowerCase(tables(out));
            Map<String, List<String>> columns = new LinkedHashMap<>();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : order) {
                if (!targetTables.containsKey(table.toLowerCase(Locale.ROOT))) {
                    throw new StoreException("The target " + target.where() + " has no table " + table.toLowerCase(Locale.ROOT)
                            + ", which the source has; nothing was copied.");
                }
                columns.put(table, columnNames(in, table));
                counts.put(table, count(in, table));
            }
            boolean postgres = product(out).contains("postgres");
            if (!postgres) {
                // H2 commits at any schema change: the identity columns are moved on before the rows go in, so that
                // a failure below leaves an empty target (whose next ids are merely higher).
                restartIdentities(in, out, order, targetTables, false);
            }
            out.setAutoCommit(false);
            try {
                List<Table> result = new ArrayList<>();
                for (String table : order) {
                    String targetTable = targetTables.get(table.toLowerCase(Locale.ROOT));
                    if (count(out, targetTable) > 0) {
                        throw new StoreException("The target " + target.where() + " received rows in " + targetTable.toLowerCase(Locale.ROOT)
                                + " while it was being copied into (is a serve running on it?); nothing was copied.");
                    }
                    long copied = copyTable(in, out, table, targetTable, columns.get(table), counts.get(table), progress);
                    result.add(new Table(table.toLowerCase(Locale.ROOT), counts.get(table), copied));
                }
                if (postgres) {
                    restartIdentities(in, out, order, targetTables, true);
                }
                List<Table> verified = new ArrayList<>();
                for (Table t : result) {
                    long there = count(out, targetTables.get(t.name()));
                    if (there != t.source() || t.target() != t.source()) {
                        throw new StoreException("The copy of table " + t.name() + " has " + there + " rows in the target for "
                                + t.source() + " in the source; nothing was copied.");
                    }
                    verified.add(new Table(t.name(), t.source(), there));
                }
                out.commit();
                return verified;
            } catch (SQLException | RuntimeException e) {
                out.rollback();
                throw e;
            } finally {
                in.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException("The copy into " + target.where() + " failed and was undone, so the target holds nothing of"
                    + " it: " + Database.reason(e) + ".", e);
        }
    }

    private static long copyTable(Connection in, Connection out, String table, String targetTable, List<String> columns,
                                  long total, Progress progress) throws SQLException {
        Map<String, Integer> targetTypes = columnTypes(out, targetTable);
        List<String> targetColumns = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        for (String column : columns) {
            String match = targetTypes.keySet().stream().filter(k -> k.equalsIgnoreCase(column)).findFirst()
                    .orElseThrow(() -> new StoreException("The target's table " + targetTable.toLowerCase(Locale.ROOT) + " has no column "
                            + column.toLowerCase(Locale.ROOT) + ", which the source has; nothing was copied."));
            targetColumns.add(match);
            types.add(targetTypes.get(match));
        }
        String select = "SELECT " + String.join(", ", columns.stream().map(StoreCopy::quoted).toList()) + " FROM " + quoted(table);
        String insert = "INSERT INTO " + quoted(targetTable) + " (" + String.join(", ", targetColumns.stream().map(StoreCopy::quoted).toList())
                + ") VALUES (" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        long done = 0;
        try (Statement s = in.createStatement(); PreparedStatement p = out.prepareStatement(insert)) {
            s.setFetchSize(BATCH);
            try (ResultSet r = s.executeQuery(select)) {
                while (r.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        Object value = r.getObject(i + 1);
                        if (value == null) {
                            p.setNull(i + 1, types.get(i));
                        } else {
                            p.setObject(i + 1, value);
                        }
                    }
                    p.addBatch();
                    done++;
                    if (done % BATCH == 0) {
                        p.executeBatch();
                    }
                    if (done % PROGRESS_EVERY == 0) {
                        progress.copied(table.toLowerCase(Locale.ROOT), done, total);
                    }
                }
            }
            p.executeBatch();
        }
        return done;
    }

    /**
     * Moves each identity column of the target past the highest id copied, so that the next run or delivery gets a
     * new id rather than a key violation: H2 by restarting the column (before the copy), PostgreSQL by setting its
     * sequence (inside the copy's transaction).
     */
    private static void restartIdentities(Connection in, Connection out, List<String> order, Map<String, String> targetTables,
                                          boolean postgres) throws SQLException {
        for (String table : order) {
            String targetTable = targetTables.get(table.toLowerCase(Locale.ROOT));
            for (String column : identityColumns(out, targetTable)) {
                Long max = null;
                try (Statement s = in.createStatement();
                     ResultSet r = s.executeQuery("SELECT MAX(" + quoted(sourceName(in, table, column)) + ") FROM " + quoted(table))) {
                    if (r.next()) {
                        long v = r.getLong(1);
                        max = r.wasNull() ? null : v;
                    }
                }
                if (max == null) {
                    continue;
                }
                if (postgres) {
                    try (PreparedStatement p = out.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), ?)")) {
                        p.setString(1, quoted(targetTable));
                        p.setString(2, column);
                        p.setLong(3, max);
                        p.executeQuery().close();
                    }
                } else {
                    try (Statement s = out.createStatement()) {
                        s.executeUpdate("ALTER TABLE " + quoted(targetTable) + " ALTER COLUMN " + quoted(column) + " RESTART WITH " + (max + 1));
                    }
                }
            }
        }
    }

    /** The source's spelling of a target's column (H2 upper case, PostgreSQL lower case). */
    private static String sourceName(Connection in, String table, String column) throws SQLException {
        return columnNames(in, table).stream().filter(c -> c.equalsIgnoreCase(column)).findFirst().orElse(column);
    }

    private static List<String> identityColumns(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        DatabaseMetaData m = c.getMetaData();
        try (ResultSet r = m.getColumns(c.getCatalog(), c.getSchema(), table, null)) {
            while (r.next()) {
                if ("YES".equalsIgnoreCase(r.getString("IS_AUTOINCREMENT"))) {
                    out.add(r.getString("COLUMN_NAME"));
                }
            }
        }
        return out;
    }

    /** The tables of the connection's schema but Flyway's, each after the tables its foreign keys point to. */
    static List<String> foreignKeyOrder(Connection c) throws SQLException {
        List<String> tables = tables(c);
        Map<String, TreeSet<String>> parents = new TreeMap<>();
        DatabaseMetaData m = c.getMetaData();
        for (String t : tables) {
            TreeSet<String> ps = new TreeSet<>();
            try (ResultSet r = m.getImportedKeys(c.getCatalog(), c.getSchema(), t)) {
                while (r.next()) {
                    String parent = r.getString("PKTABLE_NAME");
                    if (!parent.equals(t) && tables.contains(parent)) {
                        ps.add(parent);
                    }
                }
            }
            parents.put(t, ps);
        }
        List<String> order = new ArrayList<>();
        while (order.size() < tables.size()) {
            String next = parents.entrySet().stream()
                    .filter(e -> !order.contains(e.getKey()) && order.containsAll(e.getValue()))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new StoreException("The store's tables refer to each other in a circle; they cannot be"
                            + " copied one after the other."));
            order.add(next);
        }
        return order;
    }

    static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet r = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (r.next()) {
                String name = r.getString("TABLE_NAME");
                if (!name.equalsIgnoreCase(FLYWAY_TABLE)) {
                    out.add(name);
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static List<String> columnNames(Connection c, String table) throws SQLException {
        return new ArrayList<>(columnTypes(c, table).keySet());
    }

    /** Column names in their order, with their JDBC types (for a NULL of the right type). */
    private static Map<String, Integer> columnTypes(Connection c, String table) throws SQLException {
        Map<Integer, String> names = new TreeMap<>();
        Map<String, Integer> types = new LinkedHashMap<>();
        Map<String, Integer> unordered = new java.util.HashMap<>();
        try (ResultSet r = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), table, null)) {
            while (r.next()) {
                names.put(r.getInt("ORDINAL_POSITION"), r.getString("COLUMN_NAME"));
                unordered.put(r.getString("COLUMN_NAME"), r.getInt("DATA_TYPE"));
            }
        }
        names.values().forEach(n -> types.put(n, unordered.get(n)));
        return types;
    }

    private static Map<String, String> byLowerCase(List<String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        names.forEach(n -> out.put(n.toLowerCase(Locale.ROOT), n));
        return out;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + quoted(table))) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String product(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * Copies the archived attachments (files named by their SHA-256) into the target's folder when it is another;
     * a file already there has the same bytes, since its name is their hash.
     */
    private static Optional<Archive> copyArchive(Path from, Path to) {
        Path a = from.toAbsolutePath().normalize();
        Path b = to.toAbsolutePath().normalize();
        if (a.equals(b) || !Files.isDirectory(a)) {
            return a.equals(b) ? Optional.empty() : Optional.of(new Archive(a, b, 0, 0));
        }
        int copied = 0;
        int present = 0;
        try (Stream<Path> files = Files.list(a)) {
            Files.createDirectories(b);
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!Files.isRegularFile(f) || !name.matches("[0-9a-f]{64}")) {
                    continue; // a part being written (incoming-*.part) is no attachment yet
                }
                Path there = b.resolve(name);
                if (Files.exists(there) && Files.size(there) == Files.size(f)) {
                    present++;
                    continue;
                }
                Path part = Files.createTempFile(b, "incoming-", ".part");
                try {
                    Files.copy(f, part, StandardCopyOption.REPLACE_EXISTING);
                    try {
                        Files.move(part, there, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException plain) {
                        Files.move(part, there, StandardCopyOption.REPLACE_EXISTING);
                    }
                } finally {
                    Files.deleteIfExists(part);
                }
                copied++;
            }
        } catch (IOException e) {
            throw new StoreException("The attachment archive " + a + " could not be copied to " + b + " (" + e.getMessage()
                    + "); nothing was copied into the target database; check the folder and the disk, and copy again.", e);
        }
        return Optional.of(new Archive(a, b, copied, present));
    }
}
