package app.sendsongs.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpEventTest {
    @Test
    void theVerificationRequestGivesItsRouteAndDecodedQuery() {
        HttpEvent event = HttpEvent.from(SampleEvents.load("webhook-verify"));

        assertThat(event.routeKey()).isEqualTo("GET /webhook");
        assertThat(event.query("hub.mode")).isEqualTo("subscribe");
        assertThat(event.query("hub.challenge")).isEqualTo("1158201444");
        assertThat(event.query("missing")).isNull();
        assertThat(event.sourceIp()).isEqualTo("173.252.127.1");
    }

    @Test
    void theWebhookPostKeepsTheExactBodyAndFindsHeadersInAnyCase() {
        ObjectNode sample = SampleEvents.load("webhook-post");
        HttpEvent event = HttpEvent.from(sample);

        assertThat(new String(event.body(), StandardCharsets.UTF_8)).isEqualTo(sample.get("body").asText());
        assertThat(event.header("X-Hub-Signature-256")).startsWith("sha256=");
        assertThat(event.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void aBase64BodyIsDecodedToItsBytes() {
        ObjectNode sample = SampleEvents.load("webhook-post");
        byte[] bytes = "{\"object\":\"page\",\"entry\":[]} \u00e9".getBytes(StandardCharsets.UTF_8);
        sample.put("body", Base64.getEncoder().encodeToString(bytes));
        sample.put("isBase64Encoded", true);

        assertThat(HttpEvent.from(sample).body()).isEqualTo(bytes);
    }

    @Test
    void theRawQueryStringWinsOverTheCommaJoinedMap() {
        ObjectNode sample = SampleEvents.load("callback");
        sample.put("rawQueryString", "state=a%2Cb&code=x+y&code=second&error");
        sample.putObject("queryStringParameters").put("state", "a,b").put("code", "x y,second");

        HttpEvent event = HttpEvent.from(sample);

        assertThat(event.query("state")).isEqualTo("a,b");
        assertThat(event.query().get("code")).isEqualTo(List.of("x y", "second"));
        assertThat(event.query("error")).isEmpty();
    }

    @Test
    void withoutARawQueryStringTheMapServes() {
        ObjectNode sample = SampleEvents.load("callback");
        sample.remove("rawQueryString");

        assertThat(HttpEvent.from(sample).query("code")).isEqualTo("AQD3x-sample-authorization-code");
    }

    @Test
    void anythingButAnHttpApiTwoPointZeroRequestIsRefused() {
        ObjectNode restApi = SampleEvents.load("connect");
        restApi.put("version", "1.0");

        assertThatThrownBy(() -> HttpEvent.from(restApi)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payload format 2.0");
        assertThatThrownBy(() -> HttpEvent.from(SampleEvents.load("scheduler-tick")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
