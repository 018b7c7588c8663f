package app.sendsongs.store.dynamodb;

/** The DynamoDB store could not do what was asked (the message never holds a stored value or a token). */
public final class DynamoStoreException extends RuntimeException {
    public DynamoStoreException(String message) {
        super(message);
    }

    public DynamoStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
