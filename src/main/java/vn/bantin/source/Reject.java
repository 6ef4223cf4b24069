package vn.bantin.source;

/** A row left out of every figure, with where it is and why. {@code line} counts from 1, the header being line 1. */
public record Reject(String file, long line, String column, String value, String reason) {}
