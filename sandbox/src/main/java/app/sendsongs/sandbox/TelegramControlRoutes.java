package app.sendsongs.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The Telegram part of the sandbox control API (documented in sandbox/README.md): people write to the bot, tap its
 * buttons, gather in groups, leave them, block the bot; and what the bot sent, as each chat shows it.
 */
final class TelegramControlRoutes {
    private static final String BASE = TelegramApiRoutes.BASE;

    private final TelegramEmulator telegram;

    TelegramControlRoutes(TelegramEmulator telegram) {
        this.telegram = telegram;
    }

    /** Registers the control routes; before the Bot API routes, whose {@code /{bot}/{method}} would match them too. */
    void routes(Javalin app) {
        app.post(BASE + "/send", JsonIo.guarded(this::send));
        app.post(BASE + "/open", JsonIo.guarded(this::open));
        app.post(BASE + "/edit", JsonIo.guarded(this::edit));
        app.post(BASE + "/press", JsonIo.guarded(this::press));
        app.post(BASE + "/chats", JsonIo.guarded(this::createGroup));
        app.post(BASE + "/chats/{id}/join", JsonIo.guarded(ctx -> membership(ctx, true)));
        app.post(BASE + "/chats/{id}/leave", JsonIo.guarded(ctx -> membership(ctx, false)));
        app.post(BASE + "/chats/{id}/upgrade", JsonIo.guarded(this::upgrade));
        app.post(BASE + "/chats/{id}/title", JsonIo.guarded(this::rename));
        app.post(BASE + "/chats/{id}/topics", JsonIo.guarded(this::createTopic));
        app.post(BASE + "/chats/{id}/topics/{topic}/delete", JsonIo.guarded(this::deleteTopic));
        app.post(BASE + "/chats/{id}/topics/{topic}/close", JsonIo.guarded(ctx -> closeTopic(ctx, true)));
        app.post(BASE + "/chats/{id}/topics/{topic}/reopen", JsonIo.guarded(ctx -> closeTopic(ctx, false)));
        app.post(BASE + "/chats/{id}/remove-bot", JsonIo.guarded(this::removeBot));
        app.post(BASE + "/chats/{id}/add-bot", JsonIo.guarded(this::addBotBack));
        app.post(BASE + "/users/{id}/block", JsonIo.guarded(ctx -> block(ctx, true)));
        app.post(BASE + "/users/{id}/unblock", JsonIo.guarded(ctx -> block(ctx, false)));
        app.get(BASE + "/chats", JsonIo.guarded(ctx -> JsonIo.send(ctx, 200, telegram.botTextsByChat())));
        app.get(BASE + "/chat/{id}", JsonIo.guarded(this::chat));
        app.get(BASE + "/chat/{id}/all", JsonIo.guarded(this::wholeChat));
        app.get(BASE + "/callback/{id}", JsonIo.guarded(this::callback));
        app.get(BASE + "/webhook", JsonIo.guarded(this::webhook));
        app.post(BASE + "/webhook/redeliver", JsonIo.guarded(ctx -> JsonIo.send(ctx, 200,
                Map.of("redelivered", telegram.webhook().redeliverNow()))));
        app.get(BASE + "/stats", JsonIo.guarded(ctx -> JsonIo.send(ctx, 200, telegram.stats())));
    }

    private void send(Context ctx) {
        JsonNode body = JsonIo.readBody(ctx);
        long from = id(body, "from");
        Long chat = optionalId(body, "chat");
        if (body.has("media")) {
            sendMedia(ctx, body, from, chat);
            return;
        }
        JsonNode text = body.get("text");
        if (text == null || !text.isTextual()) {
            throw HttpProblem.control(400, "\"text\" must be a string");
        }
        TelegramEmulator.Profile profile = new TelegramEmulator.Profile(optionalText(body, "first_name"),
                optionalText(body, "last_name"), optionalText(body, "username"));
        Long replyTo = optionalId(body, "reply_to");
        boolean anonymous = body.path("anonymous").asBoolean(false);
        if (anonymous && (chat == null || chat > 0)) {
            throw HttpProblem.control(400, "\"anonymous\" is for a group admin posting as the group");
        }
        Long linkedChannel = optionalId(body, "linked_channel");
        if (linkedChannel != null && (chat == null || chat > 0 || linkedChannel > 0 || anonymous)) {
            throw HttpProblem.control(400, "\"linked_channel\" is a channel's id (negative) whose post goes to a group");
        }
        Long topic = optionalId(body, "topic");
        if (topic != null && linkedChannel != null) {
            throw HttpProblem.control(400, "a channel's post forwarded to its group goes to no topic");
        }
        CompletableFuture<TelegramEmulator.UserMessage> sent = telegram.userSends(from, chat, text.asText(),
                hiddenLinks(body.path("text_links"), text.asText()), profile, replyTo, anonymous, linkedChannel, topic);
        answerSent(ctx, sent);
    }

    /**
     * {@code {"from","message_id","text","chat"?}}: the person edits a text message of theirs, and the bot gets an
     * {@code edited_message} update (see {@link TelegramPersonActions#edits}); answered as {@code /send} is.
     */
    private void edit(Context ctx) {
        JsonNode body = JsonIo.readBody(ctx);
        JsonNode text = body.get("text");
        if (text == null || !text.isTextual()) {
            throw HttpProblem.control(400, "\"text\" must be a string");
        }
        answerSent(ctx, telegram.userEdits(id(body, "from"), optionalId(body, "chat"), id(body, "message_id"),
                text.asText()));
    }

    /**
     * {@code {"from","media":"<kind>","emoji"?,"caption"?,"text_links"?,"chat"?}}: the person sends no text but a
     * photo, a voice message, a sticker (with its {@code emoji})... {@code kind} being the Message object's field that
     * holds it; a photo, video, GIF, file, audio file or voice message may carry a caption, with links set on its words.
     */
    private void sendMedia(Context ctx, JsonNode body, long from, Long chat) {
        String media = optionalText(body, "media");
        if (media == null || body.has("text")) {
            throw HttpProblem.control(400, "\"media\" is the kind of a message without \"text\": one of "
                    + new TreeSet<>(TelegramEmulator.MEDIA));
        }
        TelegramEmulator.Profile profile = new TelegramEmulator.Profile(optionalText(body, "first_name"),
                optionalText(body, "last_name"), optionalText(body, "username"));
        String caption = optionalText(body, "caption");
        List<TelegramEntity> links = caption == null ? List.of() : hiddenLinks(body.path("text_links"), caption);
        answerSent(ctx, telegram.userSendsMedia(from, chat, media, optionalText(body, "emoji"), caption, links,
                profile));
    }

    private static void answerSent(Context ctx, CompletableFuture<TelegramEmulator.UserMessage> sent) {
        ctx.future(() -> sent.thenAccept(message -> {
            ObjectNode answer = JsonIo.object();
            answer.put("chat", message.chatId());
            answer.put("message_id", message.messageId());
            if (message.delivery().isEmpty()) {
                answer.put("delivered", false);
                answer.put("reason", "privacy mode: the bot sees only commands meant for it, replies to its messages "
                        + "and mentions of it");
                JsonIo.send(ctx, 200, answer);
                return;
            }
            respond(ctx, answer, message.delivery().get());
        }));
    }

    /**
     * {@code "text_links":[{"offset","length","url"}]}: links set on words of the text, each a span within it (in
     * UTF-16 code units, as Telegram counts) and an absolute http(s) URL.
     */
    private static List<TelegramEntity> hiddenLinks(JsonNode links, String text) {
        if (links.isMissingNode()) {
            return List.of();
        }
        if (!links.isArray()) {
            throw HttpProblem.control(400, "\"text_links\" must be an array of {\"offset\",\"length\",\"url\"}");
        }
        List<TelegramEntity> entities = new ArrayList<>();
        for (JsonNode link : links) {
            int offset = link.path("offset").asInt(-1);
            int length = link.path("length").asInt(0);
            String url = link.path("url").asText("");
            if (!link.path("offset").canConvertToInt() || offset < 0 || length < 1 || offset + length > text.length()
                    || !(url.startsWith("https://") || url.startsWith("http://"))) {
                throw HttpProblem.control(400, "each of \"text_links\" needs an \"offset\" and \"length\" within the "
                        + "text and an http(s) \"url\"");
            }
            entities.add(new TelegramEntity("text_link", offset, length, url));
        }
        return entities;
    }

    private void open(Context ctx) {
        JsonNode body = JsonIo.readBody(ctx);
        long from = id(body, "from");
        String url = optionalText(body, "url");
        if (url == null || url.isBlank()) {
            throw HttpProblem.control(400, "\"url\" must be the link the person opens");
        }
        TelegramEmulator.Profile profile = new TelegramEmulator.Profile(optionalText(body, "first_name"),
                optionalText(body, "last_name"), optionalText(body, "username"));
        CompletableFuture<Optional<TelegramEmulator.UserMessage>> opened = telegram.userOpensLink(from, url, profile);
        ctx.future(() -> opened.thenAccept(message -> {
            ObjectNode answer = JsonIo.object();
            if (message.isEmpty()) {
                answer.put("delivered", false);
                answer.put("reason", "the link's start parameter is not one Telegram passes on, and the person had "
                        + "started the bot before: the chat opened, nothing was sent");
                JsonIo.send(ctx, 200, answer);
                return;
            }
            answer.put("chat", message.get().chatId());
            answer.put("message_id", message.get().messageId());
            respond(ctx, answer, message.get().delivery().orElseThrow());
        }));
    }

    private void press(Context ctx) {
        JsonNode body = JsonIo.readBody(ctx);
        long from = id(body, "from");
        Long chat = optionalId(body, "chat");
        long messageId = id(body, "message_id");
        JsonNode data = body.get("data");
        if (data == null || !data.isTextual() || data.asText().isEmpty()) {
            throw HttpProblem.control(400, "\"data\" must be the callback_data of a button");
        }
        CompletableFuture<TelegramEmulator.Tap> tapped = telegram.userPresses(from, chat, messageId, data.asText());
        ctx.future(() -> tapped.thenAccept(tap -> {
            ObjectNode answer = JsonIo.object();
            answer.put("callback_query_id", tap.callbackQueryId());
            respond(ctx, answer, tap.delivery());
        }));
    }

    /** 200 when the bot took the update; 502 with the reason when it is pending (it will be sent again). */
    private static void respond(Context ctx, ObjectNode answer, TelegramWebhook.Delivery delivery) {
        answer.put("update_id", delivery.updateId());
        answer.put("delivered", delivery.delivered());
        if (delivery.delivered()) {
            JsonIo.send(ctx, 200, answer);
            return;
        }
        answer.put("error", delivery.error());
        if (delivery.botStatus() != 0) {
            answer.put("bot_status", delivery.botStatus());
        }
        JsonIo.send(ctx, 502, answer);
    }

    private void createGroup(Context ctx) {
        JsonNode body = JsonIo.readBody(ctx);
        long id = body.path("id").canConvertToLong() && body.path("id").isIntegralNumber() ? body.path("id").asLong() : 0;
        if (id >= 0) {
            throw HttpProblem.control(400, "\"id\" must be a negative integer (a group chat id)");
        }
        String title = optionalText(body, "title");
        if (title == null || title.isBlank() || title.length() > 128) {
            throw HttpProblem.control(400, "\"title\" must be a non-empty string of at most 128 characters");
        }
        JsonNode members = body.get("members");
        if (members == null || !members.isArray() || members.isEmpty()) {
            throw HttpProblem.control(400, "\"members\" must be a non-empty array of user ids");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode member : members) {
            if (!member.isIntegralNumber() || !member.canConvertToLong() || member.asLong() <= 0) {
                throw HttpProblem.control(400, "\"members\" must hold positive integer user ids");
            }
            ids.add(member.asLong());
        }
        JsonNode forumField = body.path("forum");
        if (!forumField.isMissingNode() && !forumField.isBoolean()) {
            throw HttpProblem.control(400, "\"forum\" must be true or false");
        }
        boolean forum = forumField.asBoolean(false);
        CompletableFuture<List<TelegramWebhook.Delivery>> created = telegram.createGroup(id, title, ids, forum);
        answerOnceDelivered(ctx, created, answer -> {
            answer.put("id", id);
            answer.put("title", title);
            answer.put("type", id <= TelegramGroup.SUPERGROUP_IDS_BELOW ? "supergroup" : "group");
            answer.put("is_forum", forum);
            ArrayNode list = answer.putArray("members");
            ids.forEach(list::add);
        });
    }

    private void membership(Context ctx, boolean joins) {
        long group = pathId(ctx);
        long user = id(JsonIo.readBody(ctx), "user");
        CompletableFuture<List<TelegramWebhook.Delivery>> changed = telegram.changeMembership(group, user, joins);
        answerOnceDelivered(ctx, changed, answer -> {
            answer.put("chat", group);
            answer.put("user", user);
            answer.put("member", joins);
        });
    }

    /** {@code {"by":<user id>,"to":<supergroup id>?}}: the basic group becomes a supergroup with a new id. */
    private void upgrade(Context ctx) {
        long group = pathId(ctx);
        JsonNode body = JsonIo.readBody(ctx);
        long by = id(body, "by");
        long to = body.hasNonNull("to") ? body.get("to").asLong() : TelegramGroup.SUPERGROUP_IDS_BELOW + group;
        CompletableFuture<List<TelegramWebhook.Delivery>> upgraded = telegram.upgradeGroup(group, to, by);
        answerOnceDelivered(ctx, upgraded, answer -> {
            answer.put("chat", group);
            answer.put("migrate_to_chat_id", to);
        });
    }

    /** {@code {"by":<user id>,"title"}}: a member renames the group. */
    private void rename(Context ctx) {
        long group = pathId(ctx);
        JsonNode body = JsonIo.readBody(ctx);
        long by = id(body, "by");
        String title = optionalText(body, "title");
        CompletableFuture<List<TelegramWebhook.Delivery>> renamed = telegram.renameGroup(group, by, title);
        answerOnceDelivered(ctx, renamed, answer -> {
            answer.put("chat", group);
            answer.put("title", title);
        });
    }

    /** {@code {"by":<user id>,"name"}}: a member makes a topic in the forum. */
    private void createTopic(Context ctx) {
        long group = pathId(ctx);
        JsonNode body = JsonIo.readBody(ctx);
        long by = id(body, "by");
        String name = optionalText(body, "name");
        CompletableFuture<TelegramEmulator.TopicMade> made = telegram.createTopic(group, by, name);
        ctx.future(() -> made.thenAccept(topic -> {
            ObjectNode answer = JsonIo.object();
            answer.put("chat", group);
            answer.put("message_thread_id", topic.threadId());
            answer.put("name", name);
            answer.set("updates", deliveriesJson(topic.deliveries()));
            JsonIo.send(ctx, 200, answer);
        }));
    }

    /** {@code {"by":<user id>}}: the topic's maker or the group's creator closes or reopens a topic of the forum. */
    private void closeTopic(Context ctx, boolean closed) {
        long group = pathId(ctx);
        long topic = topicId(ctx);
        CompletableFuture<List<TelegramWebhook.Delivery>> done = telegram.closeTopic(group,
                id(JsonIo.readBody(ctx), "by"), topic, closed);
        answerOnceDelivered(ctx, done, answer -> {
            answer.put("chat", group);
            answer.put("message_thread_id", topic);
            answer.put("closed", closed);
        });
    }

    private static long topicId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("topic"));
        } catch (NumberFormatException e) {
            throw HttpProblem.control(400, "a topic's id is an integer");
        }
    }

    /** {@code {"by":<user id>}}: a member deletes a topic of the forum. */
    private void deleteTopic(Context ctx) {
        long group = pathId(ctx);
        long topic = topicId(ctx);
        telegram.deleteTopic(group, id(JsonIo.readBody(ctx), "by"), topic);
        ObjectNode answer = JsonIo.object();
        answer.put("chat", group);
        answer.put("message_thread_id", topic);
        answer.put("deleted", true);
        JsonIo.send(ctx, 200, answer);
    }

    /** {@code {"by":<user id>}}: a member removes the bot from the group. */
    private void removeBot(Context ctx) {
        changeBotMembership(ctx, telegram::removeBot, true);
    }

    /** {@code {"by":<user id>}}: a member adds the bot back to the group it was removed from. */
    private void addBotBack(Context ctx) {
        changeBotMembership(ctx, telegram::addBotBack, false);
    }

    private void changeBotMembership(Context ctx,
                                     BiFunction<Long, Long, CompletableFuture<List<TelegramWebhook.Delivery>>> change,
                                     boolean removed) {
        long group = pathId(ctx);
        long by = id(JsonIo.readBody(ctx), "by");
        CompletableFuture<List<TelegramWebhook.Delivery>> changed = change.apply(group, by);
        answerOnceDelivered(ctx, changed, answer -> {
            answer.put("chat", group);
            answer.put("bot_removed", removed);
        });
    }

    private void block(Context ctx, boolean blocks) {
        long user = pathId(ctx);
        CompletableFuture<List<TelegramWebhook.Delivery>> changed = telegram.changeBlock(user, blocks);
        answerOnceDelivered(ctx, changed, answer -> {
            answer.put("user", user);
            answer.put("blocked", blocks);
        });
    }

    /** Answers {@code ctx} once {@code delivered} is done: {@code fields}, and the updates it delivered to the bot. */
    private static void answerOnceDelivered(Context ctx, CompletableFuture<List<TelegramWebhook.Delivery>> delivered,
                                            Consumer<ObjectNode> fields) {
        ctx.future(() -> delivered.thenAccept(deliveries -> {
            ObjectNode answer = JsonIo.object();
            fields.accept(answer);
            answer.set("updates", deliveriesJson(deliveries));
            JsonIo.send(ctx, 200, answer);
        }));
    }

    private static ArrayNode deliveriesJson(List<TelegramWebhook.Delivery> deliveries) {
        ArrayNode array = JsonIo.MAPPER.createArrayNode();
        for (TelegramWebhook.Delivery delivery : deliveries) {
            ObjectNode node = array.addObject();
            node.put("update_id", delivery.updateId());
            node.put("delivered", delivery.delivered());
            if (!delivery.delivered()) {
                node.put("error", delivery.error());
            }
        }
        return array;
    }

    private void chat(Context ctx) {
        ArrayNode array = JsonIo.MAPPER.createArrayNode();
        telegram.botMessages(pathId(ctx)).forEach(array::add);
        JsonIo.send(ctx, 200, array);
    }

    private void wholeChat(Context ctx) {
        ArrayNode array = JsonIo.MAPPER.createArrayNode();
        telegram.allMessages(pathId(ctx)).forEach(array::add);
        JsonIo.send(ctx, 200, array);
    }

    private void callback(Context ctx) {
        TelegramEmulator.CallbackQuery query = telegram.callbackQuery(ctx.pathParam("id"))
                .orElseThrow(() -> HttpProblem.control(404, "unknown callback query"));
        ObjectNode node = JsonIo.object();
        node.put("id", query.id());
        node.put("from", query.from());
        node.put("chat", query.chatId());
        node.put("message_id", query.messageId());
        node.put("data", query.data());
        node.put("answered", query.answered());
        if (query.answered()) {
            node.put("text", query.answerText());
            node.put("show_alert", query.showAlert());
            if (query.url() != null) {
                node.put("url", query.url());
            }
        }
        JsonIo.send(ctx, 200, node);
    }

    private void webhook(Context ctx) {
        ObjectNode info = telegram.webhook().info();
        info.put("secret_token_set", !telegram.webhook().settings().secret().isEmpty());
        JsonIo.send(ctx, 200, info);
    }

    private static long pathId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw HttpProblem.control(400, "a Telegram id is an integer");
        }
    }

    private static long id(JsonNode body, String field) {
        Long id = optionalId(body, field);
        if (id == null) {
            throw HttpProblem.control(400, "\"" + field + "\" must be an integer");
        }
        return id;
    }

    private static Long optionalId(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw HttpProblem.control(400, "\"" + field + "\" must be an integer");
        }
        return value.asLong();
    }

    private static String optionalText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw HttpProblem.control(400, "\"" + field + "\" must be a string");
        }
        return value.asText();
    }
}
