package io.boardcast.board;

import io.boardcast.account.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "memberships")
public class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "board_id")
    private Board board;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "user_id")
    private Account account;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    protected Membership() {
    }

    Membership(Board board, Account account, Role role) {
        this.board = board;
        this.account = account;
        this.role = role;
    }

    public Long getId() {
        return id;
    }

    public Board getBoard() {
        return board;
    }

    public Account getAccount() {
        return account;
    }

    public Role getRole() {
        return role;
    }

    public boolean canEdit() {
        return role.canEdit();
    }

    public boolean isOwner() {
        return role == Role.OWNER;
    }
}
