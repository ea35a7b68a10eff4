package io.boardcast.presence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The embedded default: one instance, so its memory is everyone's presence. Expiry as in Redis, for the same rules. */
@Component
@Profile("!redis")
class InMemoryPresenceStore implements PresenceStore {

    private record Entry(Viewer viewer, long expiresAt) {
    }

    /** Guarded by {@code this}. */
    private final Map<Long, Map<String, Entry>> boards = new HashMap<>();

    @Override
    public synchronized void join(long boardId, Viewer viewer, long expiresAt) {
        boards.computeIfAbsent(boardId, id -> new LinkedHashMap<>()).put(viewer.id(), new Entry(viewer, expiresAt));
    }

    @Override
    public synchronized boolean leave(long boardId, String id) {
        Map<String, Entry> entries = boards.get(boardId);
        boolean removed = entries != null && entries.remove(id) != null;
        dropIfEmpty(boardId);
        return removed;
    }

    @Override
    public synchronized boolean leavePage(long boardId, String page, String username) {
        Map<String, Entry> entries = boards.get(boardId);
        boolean removed = entries != null && entries.values().removeIf(entry -> ofPage(entry.viewer(), page, username));
        dropIfEmpty(boardId);
        return removed;
    }

    @Override
    public synchronized boolean editing(long boardId, String page, String username, boolean editing) {
        Map<String, Entry> entries = boards.getOrDefault(boardId, Map.of());
        boolean changed = false;
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Viewer viewer = e.getValue().viewer();
            if (ofPage(viewer, page, username) && viewer.editing() != editing) {
                e.setValue(new Entry(viewer.editing(editing), e.getValue().expiresAt()));
                changed = true;
            }
        }
        return changed;
    }

    @Override
    public synchronized void refresh(Map<Long, ? extends Collection<String>> idsByBoard, long expiresAt) {
        idsByBoard.forEach((boardId, ids) -> {
            Map<String, Entry> entries = boards.get(boardId);
            if (entries != null) {
                ids.forEach(id -> entries.computeIfPresent(id, (key, entry) -> new Entry(entry.viewer(), expiresAt)));
            }
        });
    }

    @Override
    public synchronized List<Viewer> viewers(long boardId, long now) {
        Map<String, Entry> entries = boards.get(boardId);
        if (entries == null) {
            return List.of();
        }
        entries.values().removeIf(entry -> entry.expiresAt() <= now);
        dropIfEmpty(boardId);
        List<Viewer> viewers = new ArrayList<>();
        entries.values().forEach(entry -> viewers.add(entry.viewer()));
        return viewers;
    }

    private static boolean ofPage(Viewer viewer, String page, String username) {
        return viewer.page().equals(page) && viewer.username().equals(username);
    }

    private void dropIfEmpty(long boardId) {
        Map<String, Entry> entries = boards.get(boardId);
        if (entries != null && entries.isEmpty()) {
            boards.remove(boardId);
        }
    }
}
