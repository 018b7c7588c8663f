package app.sendsongs.store.contract;

import app.sendsongs.core.chat.InProcessPace;

/** The pace kept in the process, as the server keeps it: every sender shares the one instance. */
class InProcessPaceContractTest extends PaceLedgerContract {
    @Override
    protected Pace newPace() {
        InProcessPace pace = new InProcessPace(RULES);
        return () -> pace;
    }
}
