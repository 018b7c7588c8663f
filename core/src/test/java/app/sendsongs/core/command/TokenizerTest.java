package app.sendsongs.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import app.sendsongs.core.command.Tokenizer.Option;
import app.sendsongs.core.command.Tokenizer.Word;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenizerTest {
    /** No-break, figure, narrow no-break, em and ideographic spaces, as phones put them round a pasted link. */
    @ParameterizedTest
    @ValueSource(strings = {"\u00a0", "\u2007", "\u202f", "\u2003", "\u3000"})
    void anyUnicodeSpaceSeparatesWordsAndOptions(String space) throws Exception {
        assertThat(Tokenizer.tokens("send" + space + "name" + space + ":" + space + "\"Alice\"" + space + "link"
                + space + "pre:'it's" + space + "great'")).containsExactly(new Word("send", false),
                new Option("name", "Alice"), new Word("link", false), new Option("pre", "it's" + space + "great"));
    }
}
