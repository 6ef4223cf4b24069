package vn.bantin.sample;

/** One row of units.csv: who is measured. {@code parent} is null at the top. */
record Unit(String code, String name, Level level, String parent) {
}
