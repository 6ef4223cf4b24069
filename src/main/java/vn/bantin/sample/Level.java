package vn.bantin.sample;

/** Administrative level of a unit, written with the words of the data contract. */
enum Level {
    PROVINCE("province"),
    DISTRICT("district"),
    COMMUNE("commune");

    private final String word;

    Level(String word) {
        this.word = word;
    }

    String word() {
        return word;
    }
}
