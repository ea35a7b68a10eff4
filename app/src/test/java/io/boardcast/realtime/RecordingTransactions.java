package io.boardcast.realtime;

import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** A transaction manager for unit tests: there is no database, it only records the transactions asked for. */
final class RecordingTransactions implements PlatformTransactionManager {

    /** Whether each transaction begun was read-only, in order. */
    final List<Boolean> readOnly = new ArrayList<>();
    int commits;

    @Override
    public TransactionStatus getTransaction(TransactionDefinition definition) {
        readOnly.add(definition != null && definition.isReadOnly());
        return new SimpleTransactionStatus();
    }

    @Override
    public void commit(TransactionStatus status) {
        commits++;
    }

    @Override
    public void rollback(TransactionStatus status) {
    }
}
