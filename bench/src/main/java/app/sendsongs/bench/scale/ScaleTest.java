package app.sendsongs.bench.scale;

/** Placeholder replaced below. */
public final class ScaleTest {
    private ScaleTest() {
    }

    public static int main(String[] args) {
        return 2;
    }
}
