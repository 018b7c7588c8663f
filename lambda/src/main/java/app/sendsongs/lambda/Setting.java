package app.sendsongs.lambda;

import app.sendsongs.messenger.MessengerConfig;

/**
 * An environment variable a Lambda function reads, named as the server's variable of the same meaning. Secrets are
 * never in the environment: the server's name with {@code _PARAMETER} appended holds only the name of the SSM
 * SecureString parameter that holds the secret, fetched at run time.
 * Each handler lists the settings it reads ({@code SETTINGS}); the deployment test compares those lists with
 * the functions' environments in Terraform.
 */
public enum Setting {
    DYNAMODB_TABLE(true, "the DynamoDB table that holds all data"),
    PUBLIC_BASE_URL(true, "the externally visible base URL (the HTTP API's endpoint or a custom domain); builds the "
            + "Spotify redirect URI PUBLIC_BASE_URL/callback, the Last.fm callback PUBLIC_BASE_URL/callback/lastfm "
            + "and the connect links PUBLIC_BASE_URL/connect/<source>"),
    SPOTIFY_CLIENT_ID(true, "Spotify app client id (not a secret)"),
    MESSENGER_APP_SECRET_PARAMETER(true, "name of the SSM SecureString parameter holding the Facebook app secret"),
    MESSENGER_VERIFY_TOKEN_PARAMETER(true, "name of the SSM SecureString parameter holding the webhook verify token"),
    MESSENGER_PAGE_ACCESS_TOKEN_PARAMETER(true, "name of the SSM SecureString parameter holding the page access token"),
    SPOTIFY_CLIENT_SECRET_PARAMETER(true, "name of the SSM SecureString parameter holding the Spotify client secret"),
    TOKEN_ENCRYPTION_KEY_PARAMETER(true, "name of the SSM SecureString parameter holding TOKEN_ENCRYPTION_KEY "
            + "(base64 of 32 random bytes that seals people's tokens in the table and signs connect links)"),
    TOKEN_ENCRYPTION_PREVIOUS_KEY_PARAMETER(false, "name of the SSM SecureString parameter holding "
            + "TOKEN_ENCRYPTION_PREVIOUS_KEY: while TOKEN_ENCRYPTION_KEY is being replaced, the key it replaces, which "
            + "still opens the tokens it sealed; the deployment's placeholder (" + Wiring.NO_PREVIOUS_KEY + ") means "
            + "none"),
    TELEGRAM_WEBHOOK_SECRET_PARAMETER(true, "name of the SSM SecureString parameter holding the secret Telegram "
            + "sends with every update (TELEGRAM_WEBHOOK_SECRET)"),
    INBOUND_QUEUE_URL(true, "URL of the SQS FIFO queue the webhook functions put the chat platforms' events on and "
            + "the inbound function takes them from"),
    TELEGRAM_BOT_TOKEN_PARAMETER(false, "name of the SSM SecureString parameter holding the Telegram bot's token; "
            + "while it holds no token (the deployment's placeholder), the bot is not on Telegram"),
    TELEGRAM_API_BASE_URL(false, "Telegram Bot API base URL (default https://api.telegram.org)"),
    WATCH_SCHEDULE(false, "listen-check schedule, as for the server (default 5m/1h,1h/7d)"),
    WATCH_GRACE(false, "how long after the watch period a song is checked a last time, as for the server (default "
            + "2h)"),
    LASTFM_API_KEY(false, "the Last.fm API account's key (not a secret: it is in every Last.fm link); without it "
            + "Last.fm is not offered"),
    LASTFM_SHARED_SECRET_PARAMETER(false, "name of the SSM SecureString parameter holding the Last.fm API account's "
            + "shared secret; read only when LASTFM_API_KEY is set"),
    LASTFM_WEB_BASE_URL(false, "where people allow the app on Last.fm (default https://www.last.fm)"),
    LASTFM_API_BASE_URL(false, "Last.fm web service base URL (default https://ws.audioscrobbler.com)"),
    LISTENBRAINZ_API_BASE_URL(false, "ListenBrainz API base URL (default https://api.listenbrainz.org)"),
    MESSENGER_GRAPH_BASE_URL(false, "Graph API base URL (default https://graph.facebook.com)"),
    MESSENGER_PAGE(false, "the page's username or id, as in https://m.me/<page>: the links the bot gives for "
            + "invites and held songs (optional: without it the bot gives none)"),
    MESSENGER_GRAPH_VERSION(false, "Graph API version (default " + MessengerConfig.DEFAULT_GRAPH_VERSION + ")"),
    SPOTIFY_ACCOUNTS_BASE_URL(false, "Spotify accounts service base URL (default https://accounts.spotify.com)"),
    SPOTIFY_API_BASE_URL(false, "Spotify Web API base URL (default https://api.spotify.com)"),
    SEND_LIMIT_PER_HOUR(false, "songs one person may send in an hour, as for the server (default 20)"),
    SEND_LIMIT_PER_FRIEND_PER_DAY(false, "songs one person may send one friend in 24 hours, as for the server "
            + "(default 10)"),
    SEND_LIMIT_OPEN_INVITES(false, "invites one person may have open at once, as for the server (default 20)"),
    HELD_MESSAGE_DAYS(false, "days a message waits for someone who has not written lately before it is given up, as "
            + "for the server (default 14)"),
    LEASE_SECONDS(false, "how long a function holds what it took (a message it sends, a listen check) before another "
            + "may take it, should it die, as for the server (default 120)"),
    TELEGRAM_MESSAGES_PER_SECOND(false, "most messages a second the bot sends on Telegram, in all, as for the server: "
            + "every execution keeps one pace on the table (default 28)");

    private final boolean required;
    private final String meaning;

    Setting(boolean required, String meaning) {
        this.required = required;
        this.meaning = meaning;
    }

    public boolean required() {
        return required;
    }

    public String meaning() {
        return meaning;
    }

    /** True when the variable names an SSM parameter rather than holding the value itself. */
    public boolean namesParameter() {
        return name().endsWith("_PARAMETER");
    }
}
