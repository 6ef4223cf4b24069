package vn.bantin.sample;

/** How a dossier was submitted, with its word and its Decision 766 code. */
enum Channel {
    ONLINE("online", "2"),
    DIRECT("direct", "1"),
    POSTAL("postal", "3");

    private final String word;
    private final String code766;

    Channel(String word, String code766) {
        this.word = word;
        this.code766 = code766;
    }

    String word() {
        return word;
    }

    String code766() {
        return code766;
    }
}
