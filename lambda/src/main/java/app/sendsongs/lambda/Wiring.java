package app.sendsongs.lambda;

import app.sendsongs.core.EchoedMessages;
import app.sendsongs.core.SendSongs;
import app.sendsongs.core.Stores;
import app.sendsongs.core.chat.ChatPlatform;
import app.sendsongs.core.chat.PaceLedger;
import app.sendsongs.core.music.ListeningSource;
import app.sendsongs.core.music.SourceKind;
import app.sendsongs.core.shared.ConnectLink;
import app.sendsongs.core.user.TokenCipher;
import app.sendsongs.messenger.GraphSendApi;
import app.sendsongs.lastfm.LastfmClient;
import app.sendsongs.lastfm.LastfmConfig;
import app.sendsongs.lastfm.LastfmRateLimiter;
import app.sendsongs.listenbrainz.ListenBrainzClient;
import app.sendsongs.listenbrainz.ListenBrainzConfig;
import app.sendsongs.listenbrainz.ListenBrainzRateLimiter;
import app.sendsongs.messenger.MessengerConfig;
import app.sendsongs.metrics.LimiterWaits;
import app.sendsongs.metrics.MeteredChatPlatform;
import app.sendsongs.metrics.MeteredHttpClient;
import app.sendsongs.metrics.MeteredListeningSource;
import app.sendsongs.metrics.Meters;
import app.sendsongs.store.dynamodb.DynamoStores;
import app.sendsongs.core.Census;
import app.sendsongs.spotify.SpotifyClient;
import app.sendsongs.spotify.SpotifyConfig;
import app.sendsongs.spotify.SpotifyShortLinks;
import app.sendsongs.telegram.BotUsername;
import app.sendsongs.telegram.TelegramBotApi;
import app.sendsongs.telegram.TelegramChat;
import app.sendsongs.telegram.TelegramConfig;
import app.sendsongs.telegram.TelegramRateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the production adapters and the core for one function, once per execution environment, on its first
 * request: the secrets are fetched from Parameter Store then (after a SnapStart restore, never into a snapshot)
 * and kept in memory for the life of the environment.
 */
final class Wiring {
    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);
    /** How long the adapters' HTTP clients wait for a connection to an outside service. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /**
     * What the deployment puts in a secret's parameter until the operator puts the real value
     * (deploy/terraform/parameters.tf): public, so it proves nothing about who calls.
     */
    static final String PLACEHOLDER = "set-me";
    /** What the deployment keeps in the previous token key's parameter while no key is being replaced. */
    static final String NO_PREVIOUS_KEY = "not set";

    private final Settings settings;
    private final Surroundings surroundings;
    private final Map<Setting, String> secrets;

    private Wiring(Settings settings, Surroundings surroundings, Map<Setting, String> secrets) {
        this.settings = settings;
        this.surroundings = surroundings;
        this.secrets = secrets;
    }

    /** Reads every secret the function declared, in one Parameter Store call. */
    static Wiring load(Settings settings, Surroundings surroundings) {
        ParameterStore parameters = new ParameterStore(surroundings.aws().ssm());
        return new Wiring(settings, surroundings, parameters.fetch(settings, settings.parameters()));
    }

    String secret(Setting parameter) {
        String value = secrets.get(parameter);
        if (value == null) {
            throw new IllegalStateException(parameter.name() + " is not among this function's secrets");
        }
        return value;
    }

    /**
     * A secret that tells a platform's calls from anyone else's (the app secret that signs Messenger's, the verify
     * token of its handshake). Refused while its parameter still holds the deployment's placeholder, which anyone can
     * read: the function then answers every call 500 until the operator puts the real value.
     */
    String callerSecret(Setting parameter) {
        String value = secret(parameter);
        if (value.equals(PLACEHOLDER)) {
            throw new IllegalStateException("the parameter named by " + parameter.name() + " still holds the "
                    + "deployment's placeholder: put the real value; until then every call is refused");
        }
        return value;
    }

    /**
     * The Telegram Bot API with the bot's token, when the function has the token parameter and it holds a token.
     * A deployment made without Telegram keeps the parameter's placeholder, which is no token: the bot is then not
     * on Telegram (said once, in the log). Its messages and edits are paced on the table ({@link #telegramPace}).
     */
    Optional<TelegramBotApi> telegram(Meters meters) {
        if (!secrets.containsKey(Setting.TELEGRAM_BOT_TOKEN_PARAMETER)) {
            return Optional.empty();
        }
        try {
            TelegramConfig config = new TelegramConfig(settings.optional(Setting.TELEGRAM_API_BASE_URL).orElse(null),
                    secret(Setting.TELEGRAM_BOT_TOKEN_PARAMETER), settings.telegramMessagesPerSecond());
            return Optional.of(new TelegramBotApi(config, MeteredHttpClient.standard("telegram", CONNECT_TIMEOUT,
                    meters), TelegramRateLimiter.realTime(telegramPace(config.messagesPerSecond()))));
        } catch (IllegalArgumentException e) {
            LOG.warn("the parameter named by TELEGRAM_BOT_TOKEN_PARAMETER holds no bot token: the bot is not on "
                    + "Telegram ({})", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Telegram's pace on the shared table: every execution of every function that calls Telegram as the bot takes its
     * slots there, as every server on the table does, so that together they keep the bot's limits.
     */
    PaceLedger telegramPace(int messagesPerSecond) {
        return DynamoStores.sendPace(surroundings.aws().dynamoDb(), settings.get(Setting.DYNAMODB_TABLE),
                TelegramRateLimiter.SHARED_PACE_NAME, TelegramRateLimiter.rules(messagesPerSecond));
    }

    /**
     * The chat platforms of a function that messages people, each measured: Messenger, and Telegram when it has a
     * bot token.
     */
    List<ChatPlatform> chatPlatforms(Meters meters) {
        List<ChatPlatform> platforms = new ArrayList<>();
        platforms.add(messenger(meters));
        telegram(meters).ifPresent(api -> platforms.add(new MeteredChatPlatform(new TelegramChat(api,
                new BotUsername(api)), meters)));
        return platforms;
    }

    /**
     * As {@link #chatPlatforms(Meters)}, sending only while the invocation has the time for a send to end; a message
     * that cannot go then stays held for a later try.
     */
    List<ChatPlatform> chatPlatforms(Meters meters, InvocationTime time) {
        return chatPlatforms(meters).stream()
                .map(platform -> (ChatPlatform) new SendsWhileTimeIsLeft(platform, time)).toList();
    }

    /** The token key, opening also what the previous key sealed while one is being replaced. */
    private TokenCipher cipher() {
        TokenCipher cipher = key(Setting.TOKEN_ENCRYPTION_KEY_PARAMETER);
        String previous = secrets.get(Setting.TOKEN_ENCRYPTION_PREVIOUS_KEY_PARAMETER);
        if (previous == null || previous.strip().equals(NO_PREVIOUS_KEY)) {
            return cipher;
        }
        try {
            return cipher.openingAlso(key(Setting.TOKEN_ENCRYPTION_PREVIOUS_KEY_PARAMETER));
        } catch (IllegalArgumentException e) {
            throw unusable(Setting.TOKEN_ENCRYPTION_PREVIOUS_KEY_PARAMETER, e);
        }
    }

    private TokenCipher key(Setting parameter) {
        try {
            return TokenCipher.fromBase64(secret(parameter));
        } catch (IllegalArgumentException e) {
            throw unusable(parameter, e);
        }
    }

    private static IllegalStateException unusable(Setting parameter, IllegalArgumentException why) {
        return new IllegalStateException("the parameter named by " + parameter.name() + " is unusable: "
                + why.getMessage());
    }

    private Stores stores(TokenCipher cipher) {
        return surroundings.stores().open(surroundings.aws().dynamoDb(), settings.get(Setting.DYNAMODB_TABLE), cipher);
    }

    /** The operator's figures of the table: the tick reports the due listen checks from it. */
    Census census() {
        return DynamoStores.census(surroundings.aws().dynamoDb(), settings.get(Setting.DYNAMODB_TABLE));
    }

    ConnectLink connectLink() {
        return new ConnectLink(settings.get(Setting.PUBLIC_BASE_URL));
    }

    SpotifyClient spotify(Meters meters) {
        SpotifyConfig config = new SpotifyConfig(settings.optional(Setting.SPOTIFY_ACCOUNTS_BASE_URL).orElse(null),
                settings.optional(Setting.SPOTIFY_API_BASE_URL).orElse(null), settings.get(Setting.SPOTIFY_CLIENT_ID),
                secret(Setting.SPOTIFY_CLIENT_SECRET_PARAMETER), connectLink().callbackUrl());
        return new SpotifyClient(config, surroundings.clock(),
                MeteredHttpClient.standard("spotify", CONNECT_TIMEOUT, meters));
    }

    /** The Send API with the page token; the app secret and verify token stay with the webhook intake. */
    ChatPlatform messenger(Meters meters) {
        return new MeteredChatPlatform(new GraphSendApi(new MessengerConfig(
                settings.optional(Setting.MESSENGER_GRAPH_BASE_URL).orElse(null),
                settings.optional(Setting.MESSENGER_GRAPH_VERSION).orElse(null),
                secret(Setting.MESSENGER_PAGE_ACCESS_TOKEN_PARAMETER), null, null,
                settings.optional(Setting.MESSENGER_PAGE).orElse(null)),
                MeteredHttpClient.standard("messenger", CONNECT_TIMEOUT, meters), surroundings.clock()), meters);
    }

    /** Spotify; Last.fm when its API key is set; ListenBrainz, which needs nothing; each measured. */
    private List<ListeningSource> sources(SpotifyClient spotify, Meters meters) {
        List<ListeningSource> sources = new ArrayList<>(List.of(spotify));
        if (settings.offersLastfm()) {
            sources.add(new LastfmClient(new LastfmConfig(settings.optional(Setting.LASTFM_WEB_BASE_URL).orElse(null),
                    settings.optional(Setting.LASTFM_API_BASE_URL).orElse(null),
                    settings.optional(Setting.LASTFM_API_KEY).orElseThrow(),
                    secret(Setting.LASTFM_SHARED_SECRET_PARAMETER),
                    connectLink().callbackUrl(SourceKind.LASTFM.id())),
                    LastfmRateLimiter.standard(new LimiterWaits(meters, "lastfm")::sleep),
                    MeteredHttpClient.standard("lastfm", CONNECT_TIMEOUT, meters)));
        }
        sources.add(new ListenBrainzClient(new ListenBrainzConfig(
                settings.optional(Setting.LISTENBRAINZ_API_BASE_URL).orElse(null),
                connectLink().url(SourceKind.LISTENBRAINZ.id())),
                ListenBrainzRateLimiter.standard(new LimiterWaits(meters, "listenbrainz")::sleep),
                MeteredHttpClient.standard("listenbrainz", CONNECT_TIMEOUT, meters)));
        return sources.stream().map(source -> (ListeningSource) new MeteredListeningSource(source, meters)).toList();
    }

    /** The intake queue between the webhook and the inbound function. */
    InboundQueue inboundQueue() {
        return new InboundQueue(surroundings.aws().sqs(), settings.get(Setting.INBOUND_QUEUE_URL));
    }

    /** Confirms the bot's messages a platform echoed, on the shared table; reads no secret. */
    EchoedMessages echoedMessages() {
        return new EchoedMessages(DynamoStores.echoedMessages(surroundings.aws().dynamoDb(),
                settings.get(Setting.DYNAMODB_TABLE)), surroundings.clock(), settings.schedule(), settings.lease());
    }

    /** When failed queued events come back, on the intake queue. */
    Retries retries() {
        return new Retries(surroundings.aws().sqs(), settings.get(Setting.INBOUND_QUEUE_URL));
    }

    /** Puts back on the intake queue the events on their last receive that an invocation had no time to start. */
    LastReceiveRequeue lastReceiveRequeue() {
        return new LastReceiveRequeue(surroundings.aws().sqs(), settings.get(Setting.INBOUND_QUEUE_URL));
    }

    /** The core on the shared table, talking to people through {@code chats}, measured by {@code meters}. */
    SendSongs app(List<ChatPlatform> chats, Meters meters) {
        SpotifyClient spotify = spotify(meters); // both the catalogue and a listening source
        TokenCipher cipher = cipher();
        return new SendSongs(stores(cipher), chats, spotify,
                new SpotifyShortLinks(SpotifyShortLinks.DEFAULT_BASE_URL, surroundings.clock(),
                        MeteredHttpClient.standard("spotify_link", CONNECT_TIMEOUT, meters)),
                sources(spotify, meters),
                surroundings.clock(), new SendSongs.Settings(connectLink(), settings.schedule(), settings.lease(),
                settings.sendLimits(), cipher.signingKey(), settings.holdLimit()));
    }
}
