package vn.bantin.sample;

/** State of a feedback item, with the English word and the Vietnamese words of the contract. */
enum FeedbackStatus {
    NEW("new", "Chờ tiếp nhận"),
    PROCESSING("processing", "Đang xử lý"),
    PROCESSED("processed", "Đã xử lý");

    private final String word;
    private final String vietnamese;

    FeedbackStatus(String word, String vietnamese) {
        this.word = word;
        this.vietnamese = vietnamese;
    }

    String word() {
        return word;
    }

    String vietnamese() {
        return vietnamese;
    }
}
