package app.sendsongs.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpotifyWebApiEmulatorTest {
    private final SandboxHarness h = new SandboxHarness();
    private final List<String> ids = new ArrayList<>();

    SpotifyWebApiEmulatorTest() {
        h.get("/sandbox/spotify/tracks").json().forEach(t -> {
            if (!t.has("linked_from")) {
                ids.add(t.path("id").asText());
            }
        });
    }

    @AfterEach
    void stop() {
        h.close();
    }

    /** A page of recently-played; an empty one comes as 204 without a body, read here as no items. */
    private JsonNode recent(String token, String query) {
        SandboxHarness.Response r = h.get("/sandbox/api/v1/me/player/recently-played" + query, token);
        if (r.status() == 204) {
            assertThat(r.body()).isEmpty();
            return SandboxHarness.JSON.createObjectNode().putNull("cursors").set("items",
                    SandboxHarness.JSON.createArrayNode());
        }
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private void play(String user, String track, Instant at) {
        SandboxHarness.Response r = h.post("/sandbox/spotify/users/" + user + "/plays",
                Map.of("track", track, "at", at.toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void afterFilterIsStrictAndItemsAreNewestFirst() {
        String token = h.connectToken("erin");
        Instant t0 = SandboxHarness.START.minusSeconds(600);
        for (int i = 0; i < 5; i++) {
            play("erin", ids.get(i), t0.plusSeconds(60L * i));
        }
        JsonNode all = recent(token, "?limit=50");
        assertThat(all.path("items")).hasSize(5);
        assertThat(all.path("items").get(0).path("track").path("id").asText()).isEqualTo(ids.get(4));
        assertThat(all.path("items").get(0).path("played_at").asText()).isEqualTo("2026-11-25T09:54:00.000Z");
        assertThat(all.path("items").get(0).has("context")).isTrue();
        assertThat(all.path("limit").asInt()).isEqualTo(50);
        assertThat(all.path("next").isNull()).isTrue();
        assertThat(all.path("cursors").path("after").asText()).isEqualTo(Long.toString(t0.plusSeconds(240).toEpochMilli()));
        assertThat(all.path("cursors").path("before").asText()).isEqualTo(Long.toString(t0.toEpochMilli()));

        long after = t0.plusSeconds(120).toEpochMilli(); // exactly the third play: excluded
        JsonNode newer = recent(token, "?limit=50&after=" + after);
        assertThat(newer.path("items")).hasSize(2);
        assertThat(newer.path("items").get(0).path("track").path("id").asText()).isEqualTo(ids.get(4));
        assertThat(newer.path("items").get(1).path("track").path("id").asText()).isEqualTo(ids.get(3));

        JsonNode limited = recent(token, "?limit=2");
        assertThat(limited.path("items")).hasSize(2);
        assertThat(limited.path("items").get(1).path("track").path("id").asText()).isEqualTo(ids.get(3));
        assertThat(limited.path("next").asText()).contains("before=" + t0.plusSeconds(180).toEpochMilli());

        JsonNode older = recent(token, "?limit=50&before=" + t0.plusSeconds(60).toEpochMilli());
        assertThat(older.path("items")).hasSize(1);

        SandboxHarness.Response none = h.get("/sandbox/api/v1/me/player/recently-played?after="
                + Instant.parse("2030-01-01T00:00:00Z").toEpochMilli() + "&limit=50", token);
        assertThat(none.status()).as("a cursor past every play: an empty page, not 204").isEqualTo(200);
        assertThat(none.json().path("items")).isEmpty();
        assertThat(none.json().path("cursors").isNull()).as("cursors is null, not {}").isTrue();
        assertThat(none.json().path("next").isNull()).isTrue();
        assertThat(none.json().path("limit").asInt()).isEqualTo(50);
        assertThat(none.json().path("href").asText()).contains("after=");
        SandboxHarness.Response nothingYet = h.get("/sandbox/api/v1/me/player/recently-played",
                h.connectToken("newcomer"));
        assertThat(nothingYet.status()).as("no history at all is 204 with no body").isEqualTo(204);
        assertThat(nothingYet.body()).isEmpty();

        assertThat(h.get("/sandbox/api/v1/me/player/recently-played?after=1&before=2", token).status()).isEqualTo(400);
        assertThat(h.get("/sandbox/api/v1/me/player/recently-played?limit=51", token).status()).isEqualTo(400);
        assertThat(h.get("/sandbox/api/v1/me/player/recently-played?limit=0", token).status()).isEqualTo(400);
    }

    @Test
    void onlyTheLastFiftyPlaysAreRetained() {
        String token = h.connectToken("frank");
        Instant t0 = SandboxHarness.START.minus(Duration.ofHours(5));
        for (int i = 0; i < 60; i++) {
            play("frank", ids.get(i), t0.plusSeconds(180L * i));
        }
        JsonNode page = recent(token, "?limit=50&after=0");
        assertThat(page.path("items")).hasSize(50);
        assertThat(page.path("items").get(0).path("track").path("id").asText()).isEqualTo(ids.get(59));
        assertThat(page.path("items").get(49).path("track").path("id").asText()).isEqualTo(ids.get(10));
        assertThat(page.path("next").isNull()).isTrue();
        assertThat(recent(token, "?limit=50&before=" + t0.plusSeconds(180L * 10).toEpochMilli()).path("items")).isEmpty();
    }

    @Test
    void aPlayShowsWhenItEndsAndAPlayWithADelayLaterStill() {
        String token = h.connectToken("kim");
        long length = h.get("/sandbox/api/v1/tracks/" + ids.get(0), token).json().path("duration_ms").asLong();

        SandboxHarness.Response started = h.post("/sandbox/spotify/users/kim/plays", Map.of("track", ids.get(0)));
        assertThat(Instant.parse(started.json().path("played_at").asText()))
                .isEqualTo(SandboxHarness.START.plusMillis(length));
        assertThat(recent(token, "?limit=50").path("items")).as("still playing").isEmpty();
        h.clock.advance(Duration.ofMillis(length));
        assertThat(recent(token, "?limit=50").path("items")).hasSize(1);

        h.post("/sandbox/spotify/users/kim/plays", Map.of("track", ids.get(1), "at", h.clock.instant().toString(),
                "delay_s", 600));
        h.clock.advance(Duration.ofSeconds(599));
        assertThat(recent(token, "?limit=50").path("items")).hasSize(1);
        h.clock.advance(Duration.ofSeconds(1));
        JsonNode late = recent(token, "?limit=50").path("items");
        assertThat(late).hasSize(2);
        assertThat(Instant.parse(late.get(0).path("played_at").asText())).as("played_at is when it ended")
                .isEqualTo(h.clock.instant().minusSeconds(600));
        assertThat(h.post("/sandbox/spotify/users/kim/plays", Map.of("track", ids.get(1), "delay_s", -1)).status())
                .isEqualTo(400);
    }

    @Test
    void aLocalFileShowsWithoutAnId() {
        String token = h.connectToken("lou");
        h.post("/sandbox/spotify/users/lou/plays", Map.of("local", Map.of("name", "Demo take 3", "artist",
                "Lou's Band", "duration_ms", 95_000), "at", h.clock.instant().toString()));

        JsonNode track = recent(token, "?limit=50").path("items").get(0).path("track");
        assertThat(track.path("is_local").asBoolean()).isTrue();
        assertThat(track.path("id").isNull()).isTrue();
        assertThat(track.path("name").asText()).isEqualTo("Demo take 3");
        assertThat(track.path("uri").asText()).startsWith("spotify:local:Lou%27s+Band::Demo+take+3:95");
        assertThat(h.post("/sandbox/spotify/users/lou/plays", Map.of("track", ids.get(0), "local",
                Map.of("name", "x", "artist", "y"))).status()).isEqualTo(400);
    }

    @Test
    void anAppInDevelopmentModeServesOnlyItsFirstUsersAndRefusesTheOthersInPlainText() {
        String first = h.connectToken("amy");
        String second = h.connectToken("ben");
        assertThat(h.post("/sandbox/spotify/app", Map.of("user_limit", 1)).json().path("users"))
                .extracting(JsonNode::asText).containsExactly("amy", "ben");

        assertThat(h.get("/sandbox/api/v1/me", first).status()).isEqualTo(200);
        SandboxHarness.Response refused = h.get("/sandbox/api/v1/me", second);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("text/plain");
        assertThat(refused.body()).isEqualTo("User not registered in the Developer Dashboard");
        assertThat(h.get("/sandbox/api/v1/me/player/recently-played", second).status()).isEqualTo(403);
        assertThat(h.get("/sandbox/api/v1/tracks/" + ids.get(0), second).status()).as("the catalogue is not a user's")
                .isEqualTo(200);
        String late = h.connectToken("cal");
        assertThat(h.get("/sandbox/api/v1/me", late).body()).isEqualTo("User not registered in the Developer Dashboard");

        assertThat(h.post("/sandbox/spotify/app", "{\"user_limit\":null}").json().path("mode").asText())
                .isEqualTo("extended");
        assertThat(h.get("/sandbox/api/v1/me", second).status()).isEqualTo(200);
        assertThat(h.post("/sandbox/spotify/app", Map.of("user_limit", -1)).status()).isEqualTo(400);
    }

    @Test
    void playsDefaultToEndingOneTrackLengthLaterAndRelinkedOriginalsShowLinkedFrom() {
        String token = h.connectToken("gina");
        JsonNode relinked = null;
        for (JsonNode t : h.get("/sandbox/spotify/tracks").json()) {
            if (t.has("linked_from")) {
                relinked = t;
            }
        }
        assertThat(relinked).isNotNull();
        String original = relinked.path("linked_from").asText();
        h.clock.advance(Duration.ofSeconds(5));
        SandboxHarness.Response played = h.post("/sandbox/spotify/users/gina/plays", Map.of("track", original));
        assertThat(Instant.parse(played.json().path("played_at").asText())).isEqualTo(
                Instant.parse("2026-11-25T10:00:05.000Z").plusMillis(relinked.path("duration_ms").asLong()));
        h.clock.advance(Duration.ofMillis(relinked.path("duration_ms").asLong()));

        JsonNode item = recent(token, "?limit=1").path("items").get(0);
        assertThat(item.path("track").path("id").asText()).isEqualTo(relinked.path("id").asText());
        assertThat(item.path("track").path("linked_from").path("id").asText()).isEqualTo(original);
        assertThat(item.path("track").path("linked_from").path("uri").asText()).isEqualTo("spotify:track:" + original);

        JsonNode lookup = h.get("/sandbox/api/v1/tracks/" + original, token).json();
        assertThat(lookup.path("id").asText()).isEqualTo(relinked.path("id").asText());
        assertThat(lookup.path("linked_from").path("id").asText()).isEqualTo(original);
        JsonNode direct = h.get("/sandbox/api/v1/tracks/" + relinked.path("id").asText(), token).json();
        assertThat(direct.has("linked_from")).isFalse();

        assertThat(h.post("/sandbox/spotify/users/gina/plays", Map.of("track", "0000000000000000000000")).status())
                .isEqualTo(404);
        assertThat(h.post("/sandbox/spotify/users/gina/plays", Map.of("track", "short")).status()).isEqualTo(400);
    }

    @Test
    void trackLookupShapesAndErrors() {
        String token = h.connectToken("hank");
        SandboxHarness.Response ok = h.get("/sandbox/api/v1/tracks/" + ids.get(0), token);
        assertThat(ok.status()).isEqualTo(200);
        JsonNode track = ok.json();
        assertThat(track.path("id").asText()).isEqualTo(ids.get(0));
        assertThat(track.path("uri").asText()).isEqualTo("spotify:track:" + ids.get(0));
        assertThat(track.path("type").asText()).isEqualTo("track");
        assertThat(track.path("name").asText()).isNotBlank();
        assertThat(track.path("artists").get(0).path("name").asText()).isNotBlank();
        assertThat(track.path("artists").get(0).path("uri").asText()).startsWith("spotify:artist:");
        assertThat(track.path("duration_ms").asLong()).isBetween(120_000L, 390_000L);
        assertThat(track.path("external_ids").path("isrc").asText()).matches("[A-Z]{2}[A-Z0-9]{3}\\d{7}");
        assertThat(track.path("album").path("name").asText()).isNotBlank();

        SandboxHarness.Response missing = h.get("/sandbox/api/v1/tracks/0000000000000000000000", token);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("error").path("status").asInt()).isEqualTo(404);
        SandboxHarness.Response malformed = h.get("/sandbox/api/v1/tracks/not-an-id", token);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("error").path("message").asText()).isEqualTo("Invalid base62 id");
        assertThat(h.get("/sandbox/api/v1/tracks/" + ids.get(0)).status()).isEqualTo(401);
    }

    @Test
    void catalogueHasSixtyTracksAnIsrcTwinAndAcceptsAdditions() {
        JsonNode tracks = h.get("/sandbox/spotify/tracks").json();
        assertThat(tracks.size()).isGreaterThanOrEqualTo(60);
        Set<String> isrcs = new HashSet<>();
        boolean twin = false;
        for (JsonNode t : tracks) {
            assertThat(t.path("id").asText()).matches("[0-9A-Za-z]{22}");
            assertThat(t.path("duration_ms").asLong()).isBetween(120_000L, 390_000L);
            twin |= t.has("isrc") && !isrcs.add(t.path("isrc").asText());
        }
        assertThat(twin).as("two ids with the same ISRC").isTrue();

        SandboxHarness.Response added = h.post("/sandbox/spotify/tracks",
                "{\"id\":\"ABCDEFGHIJKLMNOPQRSTUV\",\"name\":\"Test Song\",\"artists\":[\"Test Artist\"],\"duration_ms\":200000}");
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get(0).path("id").asText()).isEqualTo("ABCDEFGHIJKLMNOPQRSTUV");
        assertThat(h.get("/sandbox/spotify/tracks").json().size()).isEqualTo(tracks.size() + 1);

        SandboxHarness.Response bad = h.post("/sandbox/spotify/tracks",
                "[{\"id\":\"ABCDEFGHIJKLMNOPQRSTUW\",\"name\":\"Ok\",\"artists\":[\"A\"],\"duration_ms\":1000},"
                        + "{\"id\":\"tooshort\",\"name\":\"X\",\"artists\":[\"A\"],\"duration_ms\":1000}]");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("error").asText()).contains("track [1]", "22");
        assertThat(h.get("/sandbox/spotify/tracks").json().size()).isEqualTo(tracks.size() + 1);
        assertThat(h.post("/sandbox/spotify/tracks",
                "{\"id\":\"ABCDEFGHIJKLMNOPQRSTUX\",\"name\":\"\",\"artists\":[\"A\"],\"duration_ms\":1000}").status()).isEqualTo(400);
        assertThat(h.post("/sandbox/spotify/tracks",
                "{\"id\":\"ABCDEFGHIJKLMNOPQRSTUX\",\"name\":\"N\",\"artists\":[\"A\"],\"duration_ms\":0}").status()).isEqualTo(400);
    }

    @Test
    void callsAreCountedPerEndpointAndUser() {
        String token = h.connectToken("ivy");
        h.sandbox.spotify().resetCalls();
        recent(token, "?limit=5");
        recent(token, "?limit=5");
        h.get("/sandbox/api/v1/tracks/" + ids.get(0), token);
        assertThat(h.sandbox.spotify().calls()).containsEntry("recently-played", 2L).containsEntry("tracks", 1L);
        assertThat(h.sandbox.spotify().callsByUser().get("ivy")).containsEntry("recently-played", 2L);
        JsonNode stats = h.get("/sandbox/spotify/stats").json();
        assertThat(stats.path("recently-played").asLong()).isEqualTo(2);
        assertThat(stats.path("total").asLong()).isEqualTo(3);
        assertThat(stats.path("by_user").path("ivy").path("tracks").asLong()).isEqualTo(1);
        assertThat(h.delete("/sandbox/spotify/stats").json().path("total").asLong()).isZero();
    }
}
