package vn.bantin.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

/**
 * What each sent message carried, kept unchanged: every attached file is stored once under its SHA-256 in a folder
 * beside the database ({@code var/archive/<sha256>}) and linked from its delivery. A later run renders the period's
 * files again in {@code out/}; the archive keeps the bytes the recipient got. A file is written to a temporary name
 * and moved into place, so an archived file is whole or absent, and never overwritten (same name, same bytes).
 */
public final class AttachmentArchive {
    private final DataSource db;
    private final Clock clock;
    private final Path folder;

    public AttachmentArchive(DataSource db, Clock clock, Path folder) {
        this.db = db;
        this.clock = clock;
        this.folder = folder;
    }

    /**
     * The archive folder of a store: {@code archive} beside an H2 file database ({@code ./var/bantin} keeps it in
     * {@code ./var/archive}); {@code var/archive} for any other store.
     */
    public static Path folderFor(String storeUrl) {
        String name = storeUrl.startsWith("jdbc:h2:") ? storeUrl.substring("jdbc:h2:".length()) : "";
        int semicolon = name.indexOf(';');
        if (semicolon >= 0) {
            name = name.substring(0, semicolon);
        }
        for (String fileSystem : List.of("file:", "async:", "nio:")) {
            if (name.startsWith(fileSystem)) {
                Path parent = Path.of(name.substring(fileSystem.length())).toAbsolutePath().normalize().getParent();
                return parent == null ? Path.of("var", "archive") : parent.resolve("archive");
            }
        }
        return Path.of("var", "archive");
    }

    /** One archived attachment of a delivery. */
    public record Kept(String fileName, String sha256, long size, Path file) {
    }

    /**
     * Archives {@code files} and links them to the delivery sent as {@code messageId} (of {@code bulletin} and
     * {@code periodKey}), in place of what an earlier sending of the same delivery had linked.
     */
    public List<Kept> keep(String bulletin, String periodKey, String messageId, List<Path> files, Long runId) {
        List<Kept> kept = new ArrayList<>();
        try {
            for (Path f : files) {
                kept.add(store(f));
            }
        } catch (IOException e) {
            throw new StoreException("The archive " + folder + " could not keep a copy of what was sent: " + e.getMessage()
                    + "; check that the folder is writable and the disk not full.", e);
        }
        try (Connection c = db.getConnection()) {
            long deliveryId = deliveryId(c, bulletin, periodKey, messageId);
            try (PreparedStatement d = c.prepareStatement("DELETE FROM delivery_attachment WHERE delivery_id = ?")) {
                d.setLong(1, deliveryId);
                d.executeUpdate();
            }
            String sql = "INSERT INTO delivery_attachment (delivery_id, file_name, sha256, size_bytes, run_id, recorded_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (Kept k : kept) {
                    s.setLong(1, deliveryId);
                    s.setString(2, k.fileName());
                    s.setString(3, k.sha256());
                    s.setLong(4, k.size());
                    Jdbc.setLong(s, 5, runId);
                    Jdbc.setInstant(s, 6, clock.instant());
                    s.executeUpdate();
                }
            }
            return kept;
        } catch (SQLException e) {
            throw new StoreException("The store could not record the attachments of message " + messageId + ": "
                    + Database.reason(e) + ".", e);
        }
    }

    /**
     * Keeps {@code file} in the archive under its SHA-256 (once: a file already there is not copied again) and returns
     * where; for files a run must be able to use again, such as its templates.
     */
    public Kept keepFile(Path file, String knownSha256) {
        try {
            if (knownSha256 != null && Files.isRegularFile(folder.resolve(knownSha256))) {
                return new Kept(file.getFileName().toString(), knownSha256, Files.size(folder.resolve(knownSha256)),
                        folder.resolve(knownSha256));
            }
            return store(file);
        } catch (IOException e) {
            throw new StoreException("The archive " + folder + " could not keep a copy of " + file + ": " + e.getMessage()
                    + "; check that the folder is writable and the disk not full.", e);
        }
    }

    /** The archived file of this SHA-256 (it may be absent). */
    public Path file(String sha256) {
        return folder.resolve(sha256);
    }

    /** The files linked to the delivery with this id, as archived. */
    public List<Kept> of(long deliveryId) {
        String sql = "SELECT file_name, sha256, size_bytes FROM delivery_attachment WHERE delivery_id = ? ORDER BY file_name";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, deliveryId);
            List<Kept> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Kept(r.getString(1), r.getString(2), r.getLong(3), folder.resolve(r.getString(2))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("The store could not read the attachments of delivery " + deliveryId + ": "
                    + Database.reason(e) + ".", e);
        }
    }

    private static long deliveryId(Connection c, String bulletin, String periodKey, String messageId) throws SQLException {
        String sql = "SELECT id FROM delivery WHERE bulletin = ? AND period_key = ? AND message_id = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, bulletin);
            s.setString(2, periodKey);
            s.setString(3, messageId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("no delivery of " + bulletin + " " + periodKey + " is recorded as sent under " + messageId);
                }
                return r.getLong(1);
            }
        }
    }

    private Kept store(Path file) throws IOException {
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "incoming-", ".part");
        try {
            MessageDigest sha = sha256();
            long size;
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                size = Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            Path target = folder.resolve(hash);
            if (!Files.exists(target)) {
                try {
                    try {
                        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException plain) {
                        Files.move(temp, target);
                    }
                } catch (FileAlreadyExistsException raced) {
                    // another run kept the same bytes first
                }
            }
            return new Kept(file.getFileName().toString(), hash, size, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
