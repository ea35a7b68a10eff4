package io.boardcast.reminder;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    @Query("select n from Notification n where n.userId = (select a.id from Account a where a.username = :username)"
            + " order by n.createdAt desc, n.id desc")
    List<Notification> findFor(String username);

    @Query("select count(n) from Notification n where n.readAt is null"
            + " and n.userId = (select a.id from Account a where a.username = :username)")
    long countUnread(String username);

    @Query("select n from Notification n where n.id = :id"
            + " and n.userId = (select a.id from Account a where a.username = :username)")
    Optional<Notification> findFor(long id, String username);
}
