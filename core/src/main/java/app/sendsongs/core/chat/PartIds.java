package app.sendsongs.core.chat;

/** The ids of the parts of a long text, held and sent each on its own, and of the message they are parts of. */
final class PartIds {
    private PartIds() {
    }

    /** The id of part {@code index} (from 0) of a message of {@code parts} parts held under {@code id}. */
    static String partId(String id, int index, int parts) {
        return parts == 1 ? id : id + "#" + (index + 1);
    }

    /** The id a message was held under, from the id of one of its parts ({@link #partId}). */
    static String messageId(String partId) {
        int number = partId.lastIndexOf('#');
        return number < 0 ? partId : partId.substring(0, number);
    }
}
