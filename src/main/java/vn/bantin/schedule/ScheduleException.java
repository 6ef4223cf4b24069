package vn.bantin.schedule;

/** The scheduler could not do what was asked (the database is unreachable, the store refused a change); the message says what. */
public final class ScheduleException extends RuntimeException {
    public ScheduleException(String message, Throwable cause) {
        super(message, cause);
    }
}
