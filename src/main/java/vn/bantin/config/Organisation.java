package vn.bantin.config;

/** The issuing body shown in the document header. */
public record Organisation(String parent, String name, String docNumber, String place, String provinceName) {}
