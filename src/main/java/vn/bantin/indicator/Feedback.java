package vn.bantin.indicator;

import java.time.LocalDate;

/**
 * A citizen's feedback item. {@code rating} is 1–5 or null. {@code handler}, {@code processed} and {@code due} are
 * null when empty or absent; likes, dislikes and reraised are 0 and false when absent.
 */
public record Feedback(String locality, String category, Status status, LocalDate received, Integer rating,
                       String handler, LocalDate processed, LocalDate due, int likes, int dislikes, boolean reraised) {

    public enum Status { NEW, PROCESSING, PROCESSED }

    public Feedback(String locality, String category, Status status, LocalDate received, Integer rating) {
        this(locality, category, status, received, rating, null, null, null, 0, 0, false);
    }
}
