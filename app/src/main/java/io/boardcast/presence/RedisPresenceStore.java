package io.boardcast.presence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.connection.RedisZSetCommands.ZAddArgs;
import org.springframework.data.redis.connection.zset.DefaultTuple;
import org.springframework.data.redis.connection.zset.Tuple;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Presence shared by every instance. Per board, a sorted set {@code <prefix>:<boardId>} of stream ids scored by when
 * they expire and a hash {@code <prefix>:<boardId>:viewers} of what each is ({@code username|page|taskId|editing});
 * each change is one script, so the two never disagree for long, and both keys expire when nobody refreshes the board.
 * No instance owns an entry: its stream's instance refreshes it with {@code ZADD XX} (never re-adding one that a
 * closed tab's request removed), anyone may remove it, and expired ones are dropped by whoever reads.
 */
@Component
@Profile("redis")
class RedisPresenceStore implements PresenceStore {

    private static final RedisScript<Long> JOIN = RedisScript.of("""
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            redis.call('PEXPIRE', KEYS[2], ARGV[4])
            return 1""", Long.class);

    private static final RedisScript<Long> LEAVE = RedisScript.of("""
            local removed = redis.call('ZREM', KEYS[1], ARGV[1])
            redis.call('HDEL', KEYS[2], ARGV[1])
            return removed""", Long.class);

    /** ARGV[1]: {@code username|page|}, the start of the page's entries. */
    private static final RedisScript<Long> LEAVE_PAGE = RedisScript.of("""
            local removed = 0
            local all = redis.call('HGETALL', KEYS[2])
            for i = 1, #all, 2 do
              if string.sub(all[i + 1], 1, #ARGV[1]) == ARGV[1] then
                removed = removed + redis.call('ZREM', KEYS[1], all[i])
                redis.call('HDEL', KEYS[2], all[i])
              end
            end
            return removed""", Long.class);

    /** ARGV[1]: the page's entries' start; ARGV[2]: 1 or 0, the new last field. */
    private static final RedisScript<Long> EDITING = RedisScript.of("""
            local changed = 0
            local all = redis.call('HGETALL', KEYS[2])
            for i = 1, #all, 2 do
              local value = all[i + 1]
              if string.sub(value, 1, #ARGV[1]) == ARGV[1] and redis.call('ZSCORE', KEYS[1], all[i]) then
                local now = string.sub(value, 1, #value - 1) .. ARGV[2]
                if now ~= value then
                  redis.call('HSET', KEYS[2], all[i], now)
                  changed = changed + 1
                end
              end
            end
            return changed""", Long.class);

    /** ARGV[1]: now. Answers id, value, id, value… of the live entries. */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> VIEWERS = RedisScript.of("""
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
            local all = redis.call('HGETALL', KEYS[2])
            local live = {}
            for i = 1, #all, 2 do
              if redis.call('ZSCORE', KEYS[1], all[i]) then
                live[#live + 1] = all[i]
                live[#live + 1] = all[i + 1]
              else
                redis.call('HDEL', KEYS[2], all[i])
              end
            end
            return live""", List.class);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final long keyTtlMillis;

    RedisPresenceStore(StringRedisTemplate redis, PresenceProperties properties) {
        this.redis = redis;
        this.prefix = properties.keyPrefix() + ":";
        // Both keys outlive their newest entry, and vanish with it when nobody looks at the board any more.
        this.keyTtlMillis = 2 * properties.ttl().toMillis();
    }

    private List<String> keys(long boardId) {
        return List.of(prefix + boardId, prefix + boardId + ":viewers");
    }

    @Override
    public void join(long boardId, Viewer viewer, long expiresAt) {
        redis.execute(JOIN, keys(boardId), viewer.id(), Long.toString(expiresAt), viewer.encode(),
                Long.toString(keyTtlMillis));
    }

    @Override
    public boolean leave(long boardId, String id) {
        return positive(redis.execute(LEAVE, keys(boardId), id));
    }

    @Override
    public boolean leavePage(long boardId, String page, String username) {
        return positive(redis.execute(LEAVE_PAGE, keys(boardId), username + "|" + page + "|"));
    }

    @Override
    public boolean editing(long boardId, String page, String username, boolean editing) {
        return positive(redis.execute(EDITING, keys(boardId), username + "|" + page + "|", editing ? "1" : "0"));
    }

    /** One pipelined round trip for all of this instance's streams: {@code ZADD XX} and the keys' expiry. */
    @Override
    public void refresh(Map<Long, ? extends Collection<String>> idsByBoard, long expiresAt) {
        if (idsByBoard.isEmpty()) {
            return;
        }
        redis.executePipelined((RedisCallback<Object>) connection -> {
            idsByBoard.forEach((boardId, ids) -> {
                List<byte[]> keys = keys(boardId).stream().map(RedisPresenceStore::bytes).toList();
                Set<Tuple> scored = ids.stream().map(id -> (Tuple) new DefaultTuple(bytes(id), (double) expiresAt))
                        .collect(Collectors.toSet());
                connection.zSetCommands().zAdd(keys.get(0), scored, ZAddArgs.ifExists());
                keys.forEach(key -> connection.keyCommands().pExpire(key, keyTtlMillis));
            });
            return null;
        });
    }

    @Override
    public List<Viewer> viewers(long boardId, long now) {
        List<?> live = redis.execute(VIEWERS, keys(boardId), Long.toString(now));
        List<Viewer> viewers = new ArrayList<>();
        if (live == null) {
            return viewers;
        }
        for (int i = 0; i + 1 < live.size(); i += 2) {
            try {
                viewers.add(Viewer.decode(String.valueOf(live.get(i)), String.valueOf(live.get(i + 1))));
            } catch (IllegalArgumentException foreign) {
                // not ours: skip it
            }
        }
        return viewers;
    }

    private static boolean positive(Long count) {
        return count != null && count > 0;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
