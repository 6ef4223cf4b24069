package vn.bantin.indicator;

import java.time.LocalDate;

/** A citizen's feedback item. {@code rating} is 1–5 or null. */
public record Feedback(String locality, String category, Status status, LocalDate received, Integer rating) {

    public enum Status { NEW, PROCESSING, PROCESSED }
}
