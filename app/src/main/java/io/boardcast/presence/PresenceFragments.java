package io.boardcast.presence;

import io.boardcast.realtime.PushedFragments;
import io.boardcast.realtime.SignalRenderer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * How a board's presence looks, rendered once per instance from the store as it is now: the board's list (everyone
 * with a page of the board open, once each) and, for each task with its page open, that task's list (who has it open,
 * and who is editing it). Pages without a list's target drop it.
 */
@Component
class PresenceFragments implements SignalRenderer {

    /** Circles shown in one list; more people are counted ("+5"). */
    static final int SHOWN = 12;

    private final Presence presence;

    PresenceFragments(Presence presence) {
        this.presence = presence;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(Presence.SIGNAL);
    }

    @Override
    public void render(long boardId, String kind, String payload, PushedFragments fragments) {
        List<Viewer> viewers = presence.viewers(boardId);
        presence.rendered(boardId, viewers);
        fragments.add("presence/fragments", "board", model(Map.of("boardId", boardId), people(viewers)));
        Map<Long, List<Viewer>> byTask = viewers.stream().filter(viewer -> viewer.taskId() > 0)
                .collect(Collectors.groupingBy(Viewer::taskId, TreeMap::new, Collectors.toList()));
        byTask.forEach((taskId, onTask) -> fragments.add("presence/fragments", "task",
                model(Map.of("boardId", boardId, "taskId", taskId), people(onTask))));
    }

    /** The first {@link #SHOWN} people, and how many more there are. */
    private static Map<String, Object> model(Map<String, Object> ids, List<Person> people) {
        Map<String, Object> model = new HashMap<>(ids);
        model.put("people", people.subList(0, Math.min(SHOWN, people.size())));
        model.put("more", Math.max(0, people.size() - SHOWN));
        return model;
    }

    /** One person per name, by name; editing if any of their entries is. */
    static List<Person> people(List<Viewer> viewers) {
        Map<String, Boolean> editing = new TreeMap<>();
        viewers.forEach(viewer -> editing.merge(viewer.username(), viewer.editing(), Boolean::logicalOr));
        List<Person> people = new ArrayList<>();
        editing.forEach((username, isEditing) -> people.add(new Person(username, isEditing)));
        return people;
    }
}
