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
 * The delivery ledger: one row per (bulletin, period, unit, address), which makes delivery exactly-once as far as SMTP
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
 *
 * <p>To tell that window from the harmless rest, a sender calls {@link #markDataEnd} just before the final dot: a
 * row then left behind {@code uncertain} (rather than {@code sending}) is one the server may have; a row whose
 * answer never came ({@link #markUncertain}) is the same. Such a row is tried once more, then left
 * {@link Claim.Uncertain} for the administrator, so that a slow or dropping server gets at most two copies.
 */
public final class DeliveryLedger {
    /** How long a claim holds a row before another sender may take it over: the default attempt limit (15 min) and 5. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(20);
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLedger.class);
    private static final int ERROR_MAX = 2000;
    private static final String KEY = " WHERE bulletin = ? AND period_key = ? AND unit_code = ? AND recipient_email = ?";
    /** An uncertain row is tried again while it has had fewer uncertain attempts than this. */
    private static final int UNCERTAIN_TRIES = 2;
    private static final String COLUMNS = "id, bulletin, period_key, recipient_email, unit_code, status, attempts,"
            + " last_error, message_id, updated_at, run_id, sent_by";

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

    public Duration lease() {
        return lease;
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
     * @param unitCode not used any more: the unit is part of the key
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
            s.setString(4, key.unit());
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
        String free = " AND (status IN ('pending', 'failed') OR (status = 'uncertain' AND claim_token IS NULL AND uncertain_tries < "
                + UNCERTAIN_TRIES + "))";
        if (update(c, take + free, token, now, runId, key, null) == 1) {
            return sending(c, key, token, false);
        }
        String stale = " AND status IN ('sending', 'uncertain') AND claim_token IS NOT NULL AND uncertain_tries < " + UNCERTAIN_TRIES
                + " AND updated_at < ?";
        if (update(c, take + stale, token, now, runId, key, now.minus(lease)) == 1) {
            Claim.Send send = sending(c, key, token, true);
            // Past the final dot (markDataEnd counted it) the server may have kept it; before, it cannot have.
            LOG.warn("The delivery of {} was left unfinished by a sender that stopped {}; sending it (attempt {}){}.", key,
                    send.retryOfUncertain() ? "after the final dot" : "before the final dot", send.attempt(),
                    send.retryOfUncertain() ? ": the recipient may get it twice, under the same Message-ID" : "");
            return send;
        }
        Optional<DeliveryRow> row = find(c, key);
        if (row.isEmpty()) {
            return null;
        }
        DeliveryRow r = row.get();
        boolean held = claimHeld(c, r.id());
        boolean fresh = !r.updatedAt().isBefore(now.minus(lease));
        return switch (r.status()) {
            case SENT -> new Claim.AlreadySent(r.messageId(), r.updatedAt());
            case REJECTED -> new Claim.Rejected(r.lastError());
            case SENDING -> fresh ? new Claim.Busy(r.updatedAt()) : null;
            case UNCERTAIN -> held && fresh ? new Claim.Busy(r.updatedAt())
                    : uncertainTries(c, r.id()) >= UNCERTAIN_TRIES ? new Claim.Uncertain(r.lastError(), r.updatedAt()) : null;
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
            s.setString(6, key.unit());
            s.setString(7, key.email());
            if (staleBefore != null) {
                Jdbc.setInstant(s, 8, staleBefore);
            }
            return s.executeUpdate();
        }
    }

    private Claim.Send sending(Connection c, DeliveryKey key, String token, boolean afterCrash) throws SQLException {
        String sql = "SELECT id, attempts, uncertain_tries, generation FROM delivery WHERE claim_token = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, token);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    // Taken over in the instant between the claim and this read: only possible with a lease of ~0.
                    throw new StoreException("The claim of " + key + " was taken over at once; the lease is too short.");
                }
                return new Claim.Send(r.getLong("id"), key, token, r.getInt("attempts"), afterCrash,
                        r.getInt("uncertain_tries") > 0, r.getInt("generation"));
            }
        }
    }

    private static boolean claimHeld(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT claim_token FROM delivery WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getString(1) != null;
            }
        }
    }

    private static int uncertainTries(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT uncertain_tries FROM delivery WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    /**
     * Records, just before the final dot goes to the server, that from now on the server may keep the message: if
     * this sender dies before {@link #markSent}, the row is left {@code uncertain}, not {@code sending}.
     */
    public void markDataEnd(Claim.Send claim) {
        String sql = "UPDATE delivery SET status = 'uncertain', uncertain_tries = uncertain_tries + 1 WHERE id = ? AND claim_token = ?";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, claim.deliveryId());
            s.setString(2, claim.token());
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("record that the message of " + claim.key() + " is being handed over", e);
        }
    }

    /**
     * Records that the message went past the final dot and no answer came ({@code error} says why): the server may
     * have it. The row is tried again once ({@link Claim.Send#retryOfUncertain}), then left for the administrator.
     */
    public void markUncertain(Claim.Send claim, String error) {
        String sql = "UPDATE delivery SET status = 'uncertain', last_error = ?, claim_token = NULL, updated_at = ?,"
                + " uncertain_tries = CASE WHEN status = 'uncertain' THEN uncertain_tries ELSE uncertain_tries + 1 END"
                + " WHERE id = ? AND claim_token = ?";
        try (Connection c = db.getConnection()) {
            end(c, sql, claim, Jdbc.cut(error, ERROR_MAX), true);
        } catch (SQLException e) {
            throw failure("record that the delivery of " + claim.key() + " is uncertain", e);
        }
    }

    /**
     * Records that the server accepted the claimed message, with the id it goes by. Call it right after the
     * server's reply: the time between the two is the window in which a crash leads to a second copy.
     */
    public void markSent(Claim.Send claim, String messageId) {
        // sent_by: the node this sender runs on, so that history says which node of a cluster sent what.
        String set = "UPDATE delivery SET status = 'sent', message_id = ?, last_error = NULL, claim_token = NULL, updated_at = ?,"
                + " sent_by = ? WHERE id = ?";
        try (Connection c = db.getConnection()) {
            if (sent(c, set + " AND claim_token = ?", claim, messageId) == 0) {
                // The lease ran out and another sender took the row over: the server did accept this copy, so it is
                // recorded all the same; the other sender may send a second one.
                LOG.warn("The claim on the delivery of {} ran out before the server accepted it; another sender may"
                        + " send it again. The ledger's lease is shorter than a send takes.", claim.key());
                sent(c, set, claim, messageId);
            }
        } catch (SQLException e) {
            throw failure("record that " + claim.key() + " was sent", e);
        }
    }

    /** Runs markSent's update; with a fifth parameter, only while the claim is still this sender's. */
    private int sent(Connection c, String sql, Claim.Send claim, String messageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, messageId);
            Jdbc.setInstant(s, 2, clock.instant());
            s.setString(3, NodeName.current());
            s.setLong(4, claim.deliveryId());
            if (sql.endsWith("claim_token = ?")) {
                s.setString(5, claim.token());
            }
            return s.executeUpdate();
        }
    }

    /**
     * Records that the claimed attempt failed: {@code permanent} when the server refused the address for good
     * (the row becomes rejected and is not tried again), otherwise the row is tried again by the next claim.
     */
    public void markFailed(Claim.Send claim, String error, boolean permanent) {
        String status = permanent ? DeliveryStatus.REJECTED.id() : DeliveryStatus.FAILED.id();
        // A definite answer to the final dot (4xx, 5xx) settles the message: that attempt was not an uncertain one.
        String sql = "UPDATE delivery SET status = '" + status + "', last_error = ?, claim_token = NULL, updated_at = ?,"
                + " uncertain_tries = CASE WHEN status = 'uncertain' THEN uncertain_tries - 1 ELSE uncertain_tries END"
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
     * Makes the next claim of a delivered (or rejected, failed or uncertain) row send it again, on purpose: the
     * {@code --resend} of one recipient's copy. It starts a new generation, so the new copy has a Message-ID of its own.
     */
    public Resend resend(DeliveryKey key) {
        return resend(KEY, key, key.unit());
    }

    /** {@link #resend(DeliveryKey)} of every unit's copy of {@code bulletin} to {@code email} (a shared mailbox has several). */
    public Resend resend(String bulletin, String periodKey, String email) {
        return resend(" WHERE bulletin = ? AND period_key = ? AND recipient_email = ?", new DeliveryKey(bulletin, periodKey, email), null);
    }

    private Resend resend(String where, DeliveryKey key, String unit) {
        String sql = "UPDATE delivery SET status = 'pending', message_id = NULL, last_error = NULL, claim_token = NULL,"
                + " uncertain_tries = 0, generation = generation + 1, updated_at = ?" + where
                + " AND status IN ('sent', 'rejected', 'failed', 'uncertain') AND (status <> 'uncertain' OR claim_token IS NULL)";
        String held = "SELECT COUNT(*) FROM delivery" + where + " AND claim_token IS NOT NULL";
        try (Connection c = db.getConnection()) {
            if (keyed(c, sql, key, unit, clock.instant()) > 0) {
                return Resend.QUEUED;
            }
            if (keyed(c, held, key, unit, null) > 0) {
                return Resend.IN_FLIGHT;
            }
            return keyed(c, "SELECT COUNT(*) FROM delivery" + where, key, unit, null) > 0 ? Resend.QUEUED : Resend.NOT_FOUND;
        } catch (SQLException e) {
            throw failure("queue " + key + " to be sent again", e);
        }
    }

    /** Runs an update (with {@code now} first), or a count, on the rows of {@code key} ({@code unit} null: every unit). */
    private static int keyed(Connection c, String sql, DeliveryKey key, String unit, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (now != null) {
                Jdbc.setInstant(s, i++, now);
            }
            s.setString(i++, key.bulletin());
            s.setString(i++, key.periodKey());
            if (unit != null) {
                s.setString(i++, unit);
            }
            s.setString(i, key.email());
            if (now != null) {
                return s.executeUpdate();
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
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
        String sql = "SELECT " + COLUMNS + " FROM delivery WHERE bulletin = ? AND period_key = ? ORDER BY recipient_email, unit_code";
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
            s.setString(3, key.unit());
            s.setString(4, key.email());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(row(r)) : Optional.empty();
            }
        }
    }

    private static DeliveryRow row(ResultSet r) throws SQLException {
        return new DeliveryRow(r.getLong("id"),
                new DeliveryKey(r.getString("bulletin"), r.getString("period_key"), r.getString("unit_code"),
                        r.getString("recipient_email")),
                r.getString("unit_code").isEmpty() ? null : r.getString("unit_code"), DeliveryStatus.of(r.getString("status")), r.getInt("attempts"),
                r.getString("last_error"), r.getString("message_id"), Jdbc.getInstant(r, "updated_at"),
                Jdbc.getLong(r, "run_id"), r.getString("sent_by"));
    }

    private static StoreException failure(String what, SQLException e) {
        return new StoreException("The store could not " + what + ": " + Database.firstLine(e.getMessage()) + ".", e);
    }
}
