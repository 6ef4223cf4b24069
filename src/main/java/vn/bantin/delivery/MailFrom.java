package vn.bantin.delivery;

/** The sender shown on every message. */
public record MailFrom(String address, String name) {}
