package app.sendsongs.lambda;

/**
 * One AWS API call a function made, as IAM sees it: the action ({@code dynamodb:GetItem}) and what it acted on
 * ({@code table}, {@code index/<name>}, {@code parameter:<name>} or {@code queue:<name>}).
 */
record AwsCall(String action, String resource) {
    @Override
    public String toString() {
        return action + " on " + resource;
    }
}
