package io.boardcast.reminder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    @Query("select n from Notification n where n.userId = (select a.id from Account a where a.username = :username)"
            + " order by n.createdAt desc, n.id desc")
    List<Notification> findNewest(String username, Limit limit);

    /** Those listed after the given one: older, or as old with a smaller id (the list's order). */
    @Query("select n from Notification n where n.userId = (select a.id from Account a where a.username = :username)"
            + " and (n.createdAt < :createdAt or (n.createdAt = :createdAt and n.id < :id))"
            + " order by n.createdAt desc, n.id desc")
    List<Notification> findOlder(String username, Instant createdAt, long id, Limit limit);

    @Query("select count(n) from Notification n where n.readAt is null"
            + " and n.userId = (select a.id from Account a where a.username = :username)")
    long countUnread(String username);

    @Query("select n from Notification n where n.id = :id"
            + " and n.userId = (select a.id from Account a where a.username = :username)")
    Optional<Notification> findFor(long id, String username);

    /** The person's newest notifications after {@code afterId}, newest first. */
    @Query("select n from Notification n where n.userId = (select a.id from Account a where a.username = :username)"
            + " and n.id > :afterId order by n.id desc")
    List<Notification> findAfter(String username, long afterId, Limit limit);

    @Query("select coalesce(max(n.id), 0) from Notification n"
            + " where n.userId = (select a.id from Account a where a.username = :username)")
    long lastId(String username);

    @Query("select a.username from Account a where a.id = :accountId")
    String usernameOf(long accountId);

    @Modifying
    @Query("update Notification n set n.readAt = :now where n.readAt is null"
            + " and n.userId = (select a.id from Account a where a.username = :username)")
    int markAllRead(String username, Instant now);
}
