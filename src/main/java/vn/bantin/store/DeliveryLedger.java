package vn.bantin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery ledger: one row per (bulletin, period, address), which makes delivery exactly-once as far as SMTP
 * allows. A sender asks {@link #claim} before each attempt and sends only on {@link Claim.Send}; it records the
 * outcome with {@link #markSent} or {@link #markFailed} at once. So a re-run sends nothing already sent, a
 * rejected address is not tried again, and a failure that may pass is tried again by the next claim.
 *
 * <p>A claim is exclusive: it is a conditional {@code UPDATE} of the row, and of two senders that claim the same
 * row at once (two threads, or the CLI and the service) only the one whose update changed the row sends. A row
 * stays {@code sending} while its sender works; another sender sees it {@link Claim.Busy}. A row left
 * {@code sending} by a sender that died is taken over once its lease has run out (the lease must exceed the
 * longest a single attempt can take, which the SMTP timeouts bound).
 *
 * <p>The one window SMTP leaves open: a process that dies after the server accepted the message (the end of the
 * DATA command) and before {@link #markSent} committed leaves the row {@code sending}, and the claim that takes it
 * over sends a second copy ({@link Claim.Send#afterCrash} says so). Nothing tells from the client side whether the
 * server accepted; this is the "at most one duplicate after a crash inside the SMTP transaction" window. It is
 * kept as small as it can be: record {@code sent} right after the server's reply, before anything else.
 */
public final class DeliveryLedger {
    /** How long a claim holds a row before another sender may take it over. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLedger.class);
    private static final int ERROR_MAX = 2000;
    private static final String KEY = " WHERE bulletin = ? AND period_key = ? AND recipient_email = ?";
    private static final String COLUMNS = "id, bulletin, period_key, recipient_email, unit_code, status, attempts,"
            + " last_error, message_id, updated_at, run_id";

    private final DataSource db;
    private final Clock clock;
    private final Duration lease;

    public DeliveryLedger(DataSource db, Clock clock) {
        this(db, clock, DEFAULT_LEASE);
    }

    public DeliveryLedger(DataSource db, Clock clock, Duration lease) {
        this.db = db;
        this.clock = clock;
        this.lease = lease;
    }

    /** {@link #claim(DeliveryKey, String, Long)} with no unit and no run. */
    public Claim claim(String bulletin, String periodKey, String email) {
        return claim(new DeliveryKey(bulletin, periodKey, email), null, null);
    }

    /**
     * Creates the row if this is the first time, and says whether the caller should send now: yes for a row
     * pending, failed (for a reason that may pass) or left sending past its lease, which it marks
     * {@code sending} with one more attempt; no for a row sent, rejected or held by another sender.
     *
     * @param unitCode the recipient's unit, kept with the row when it is created (may be null)
     * @param runId    the run that claims, kept with the row (may be null)
     */
    public Claim claim(DeliveryKey key, String unitCode, Long runId) {
        try (Connection c = db.getConnection()) {
            insertIfAbsent(c, key, unitCode, runId);
            // A row that changes between the conditional updates and the read (another sender records its outcome)
            // is looked at again; a few rounds settle it.
            for (int round = 0; round < 5; round++) {
                Claim claim = claimOnce(c, key, runId);
                if (claim != null) {
                    return claim;
                }
            }
            throw new StoreException("The delivery of " + key + " keeps changing under this claim; try again.");
        } catch (SQLException e) {
            throw failure("claim the delivery of " + key, e);
        }
    }

    private void insertIfAbsent(Connection c, DeliveryKey key, String unitCode, Long runId) throws SQLException {
        if (find(c, key).isPresent()) {
            return;
        }
        String sql = "INSERT INTO delivery (bulletin, period_key, recipient_email, unit_code, status, attempts, updated_at,"
                + " run_id) VALUES (?, ?, ?, ?, ?, 0, ?, ?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key.bulletin());
            s.setString(2, key.periodKey());
            s.setString(3, key.email());
            s.setString(4, unitCode);
            s.setString(5, DeliveryStatus.PENDING.id());
            Jdbc.setInstant(s, 6, clock.instant());
            Jdbc.setLong(s, 7, runId);
            s.executeUpdate();
        } catch (SQLException e) {
            // Another sender created it between the read and the insert: the unique constraint keeps one row.
            // Auto-commit is on, so on PostgreSQL too the failed insert leaves no transaction to abort.
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /** One round: the claim, or null when the row changed under it and must be looked at again. */
    private Claim claimOnce(Connection c, DeliveryKey key, Long runId) throws SQLException {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        String take = "UPDATE delivery SET status = 'sending', attempts = attempts + 1, claim_token = ?, updated_at = ?,"
                + " run_id = COALESCE(?, run_id)" + KEY;
        // Each update is one atomic statement: of two senders, the second finds the row already 'sending' and
        // changes nothing (its row count is 0).
        if (update(c, take + " AND status IN ('pending', 'failed')", token, now, runId, key, null) == 1) {
            return sending(c, key, token, false);
        }
        if (update(c, take + " AND status = 'sending' AND updated_at < ?", token, now, runId, key, now.minus(lease)) == 1) {
            Claim.Send send = sending(c, key, token, true);
            LOG.warn("The delivery of {} was left unfinished by a sender that stopped; sending it again"
                    + " (attempt {}): the recipient may get it twice.", key, send.attempt());
            return send;
        }
        Optional<DeliveryRow> row = find(c, key);
        if (row.isEmpty()) {
            return null;
        }
        DeliveryRow r = row.get();
        return switch (r.status()) {
            case SENT -> new Claim.AlreadySent(r.messageId(), r.updatedAt());
            case REJECTED -> new Claim.Rejected(r.lastError());
            case SENDING -> r.updatedAt().isBefore(now.minus(lease)) ? null : new Claim.Busy(r.updatedAt());
            case PENDING, FAILED -> null;
        };
    }

    private int update(Connection c, String sql, String token, Instant now, Long runId, DeliveryKey key, Instant staleBefore)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, token);
            Jdbc.setInstant(s, 2, now);
            Jdbc.setLong(s, 3, runId);
            s.setString(4, key.bulletin());
            s.setString(5, key.periodKey());
            s.setString(6, key.email());
            if (staleBefore != null) {
                Jdbc.setInstant(s, 7, staleBefore);
            }
            return s.executeUpdate();
        }
    }

    private Claim.Send sending(Connection c, DeliveryKey key, String token, boolean afterCrash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, attempts FROM delivery WHERE claim_token = ?")) {
            s.setString(1, token);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    // Taken over in the instant between the claim and this read: only possible with a lease of ~0.
                    throw new StoreException("The claim of " + key + " was taken over at once; the lease is too short.");
                }
                return new Claim.Send(r.getLong("id"), key, token, r.getInt("attempts"), afterCrash);
            }
        }
    }

    /**
     * Records that the server accepted the claimed message, with the id it goes by. Call it right after the
     * server's reply: the time between the two is the window in which a crash leads to a second copy.
     */
    public void markSent(Claim.Send claim, String messageId) {
        String set = "UPDATE delivery SET status = 'sent', message_id = ?, last_error = NULL, claim_token = NULL, updated_at = ?"
                + " WHERE id = ?";
        try (Connection c = db.getConnection()) {
            if (end(c, set + " AND claim_token = ?", claim, messageId, true) == 0) {
                // The lease ran out and another sender took the row over: the server did accept this copy, so it is
                // recorded all the same; the other sender may send a second one.
                LOG.warn("The claim on the delivery of {} ran out before the server accepted it; another sender may"
                        + " send it again. The ledger's lease is shorter than a send takes.", claim.key());
                end(c, set, claim, messageId, false);
            }
        } catch (SQLException e) {
            throw failure("record that " + claim.key() + " was sent", e);
        }
    }

    /**
     * Records that the claimed attempt failed: {@code permanent} when the server refused the address for good
     * (the row becomes rejected and is not tried again), otherwise the row is tried again by the next claim.
     */
    public void markFailed(Claim.Send claim, String error, boolean permanent) {
        String status = permanent ? DeliveryStatus.REJECTED.id() : DeliveryStatus.FAILED.id();
        String sql = "UPDATE delivery SET status = '" + status + "', last_error = ?, claim_token = NULL, updated_at = ?"
                + " WHERE id = ? AND claim_token = ?";
        try (Connection c = db.getConnection()) {
            if (end(c, sql, claim, Jdbc.cut(error, ERROR_MAX), true) == 0) {
                LOG.warn("The claim on the delivery of {} ran out before its failure was recorded; the sender that took it"
                        + " over records the outcome. The failure was: {}", claim.key(), error);
            }
        } catch (SQLException e) {
            throw failure("record that the delivery of " + claim.key() + " failed", e);
        }
    }

    private int end(Connection c, String sql, Claim.Send claim, String text, boolean byToken) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, text);
            Jdbc.setInstant(s, 2, clock.instant());
            s.setLong(3, claim.deliveryId());
            if (byToken) {
                s.setString(4, claim.token());
            }
            return s.executeUpdate();
        }
    }

    /**
     * Makes the next claim of a delivered (or rejected, or failed) row send it again, on purpose: the
     * {@code --resend} of one recipient's copy.
     */
    public Resend resend(DeliveryKey key) {
        String sql = "UPDATE delivery SET status = 'pending', message_id = NULL, last_error = NULL, claim_token = NULL,"
                + " updated_at = ?" + KEY + " AND status IN ('sent', 'rejected', 'failed')";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.setInstant(s, 1, clock.instant());
            s.setString(2, key.bulletin());
            s.setString(3, key.periodKey());
            s.setString(4, key.email());
            if (s.executeUpdate() == 1) {
                return Resend.QUEUED;
            }
            return find(c, key).map(r -> r.status() == DeliveryStatus.SENDING ? Resend.IN_FLIGHT : Resend.QUEUED)
                    .orElse(Resend.NOT_FOUND);
        } catch (SQLException e) {
            throw failure("queue " + key + " to be sent again", e);
        }
    }

    public Resend resend(String bulletin, String periodKey, String email) {
        return resend(new DeliveryKey(bulletin, periodKey, email));
    }

    public Optional<DeliveryRow> find(DeliveryKey key) {
        try (Connection c = db.getConnection()) {
            return find(c, key);
        } catch (SQLException e) {
            throw failure("read the delivery of " + key, e);
        }
    }

    /** Every row of one bulletin and period, by address. */
    public List<DeliveryRow> list(String bulletin, String periodKey) {
        String sql = "SELECT " + COLUMNS + " FROM delivery WHERE bulletin = ? AND period_key = ? ORDER BY recipient_email";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, bulletin);
            s.setString(2, periodKey);
            List<DeliveryRow> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(row(r));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read the deliveries of " + bulletin + " " + periodKey, e);
        }
    }

    private Optional<DeliveryRow> find(Connection c, DeliveryKey key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM delivery" + KEY)) {
            s.setString(1, key.bulletin());
            s.setString(2, key.periodKey());
            s.setString(3, key.email());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(row(r)) : Optional.empty();
            }
        }
    }

    private static DeliveryRow row(ResultSet r) throws SQLException {
        return new DeliveryRow(r.getLong("id"),
                new DeliveryKey(r.getString("bulletin"), r.getString("period_key"), r.getString("recipient_email")),
                r.getString("unit_code"), DeliveryStatus.of(r.getString("status")), r.getInt("attempts"),
                r.getString("last_error"), r.getString("message_id"), Jdbc.getInstant(r, "updated_at"),
                Jdbc.getLong(r, "run_id"));
    }

    private static StoreException failure(String what, SQLException e) {
        return new StoreException("The store could not " + what + ": " + Database.firstLine(e.getMessage()) + ".", e);
    }
}
