// Boardcast's progressive enhancement. Every form works without this file; with it, htmx posts them and the board's
// event stream keeps the page live.
(function () {
    'use strict';

    // Swap validation errors (422) and stale-edit answers (409) like any other response; other errors stay out.
    htmx.config.responseHandling = [
        {code: '204', swap: false},
        {code: '[23]..', swap: true},
        {code: '409|422', swap: true},
        {code: '[45]..', swap: false, error: true}
    ];
    // Pushed columns contain cards: never pull those out as swaps of their own.
    htmx.config.allowNestedOobSwaps = false;
    // While it settles a swap, htmx first copies each old element's attributes onto its new twin. SortableJS's
    // animations leave style attributes (often style="") on the columns and cards they moved, and under our
    // Content-Security-Policy (style-src 'self') setting one is refused with a console error. No markup of ours has
    // inline styles, so there is nothing of the kind to settle.
    htmx.config.attributesToSettle = ['class', 'width', 'height'];

    document.addEventListener('htmx:configRequest', function (event) {
        const token = document.querySelector('meta[name="csrf-token"]');
        const header = document.querySelector('meta[name="csrf-header"]');
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
    });

    // --- Live stream: resume where we left off, apply every event once ---------------------------------------

    // A pushed event carries the fragments of every page that shows its board (cards for the board page, the summary
    // for the task's page; a filtered page's removals of cards it never showed). Those whose target this page lacks
    // are left out before htmx swaps, which would report each of them as an error.
    htmx.defineExtension('this-page', {
        transformResponse: function (text) {
            const template = document.createElement('template');
            template.innerHTML = text;
            let absent = false;
            Array.from(template.content.children).forEach(function (element) {
                const oob = element.getAttribute('hx-swap-oob');
                if (!oob) {
                    return;
                }
                if (!present(oob, element)) {
                    // A moved card whose neighbour this page shows elsewhere goes to its column's end instead.
                    const otherwise = element.dataset.else;
                    if (otherwise && present(otherwise, element)) {
                        element.setAttribute('hx-swap-oob', otherwise);
                    } else {
                        element.remove();
                    }
                    absent = true;
                }
            });
            return absent ? template.innerHTML : text;
        }
    });

    function present(oob, element) {
        const colon = oob.indexOf(':');
        const selector = colon >= 0 ? oob.slice(colon + 1) : element.id ? '#' + CSS.escape(element.id) : null;
        return !selector || document.querySelector(selector) !== null;
    }

    // #live is the page's one stream: a board's (ids are the board's sequence) or, on other pages, the person's own
    // (ids are their notifications').
    let lastApplied = null;

    function live() {
        return document.getElementById('live');
    }

    function lastAppliedId() {
        if (lastApplied === null) {
            const element = live();
            lastApplied = element ? Number(element.dataset.lastEventId || 0) : 0;
        }
        return lastApplied;
    }

    // What this page calls itself: random, the same across its stream's reconnects, so that it can say "I am
    // closing" or "editing" about its own streams (presence), wherever they live.
    const pageName = (function () {
        const bytes = new Uint8Array(16);
        crypto.getRandomValues(bytes);
        return Array.from(bytes, function (b) { return b.toString(16).padStart(2, '0'); }).join('');
    })();

    // htmx re-creates the EventSource after an error without Last-Event-ID: name our last applied event ourselves.
    htmx.createEventSource = function (url) {
        const resumable = new URL(url, window.location.href);
        resumable.searchParams.set('lastEventId', String(lastAppliedId()));
        if (/^\/boards\/\d+\/events$/.test(resumable.pathname)) {
            resumable.searchParams.set('page', pageName);
        }
        return new EventSource(resumable.toString(), {withCredentials: true});
    };

    document.addEventListener('htmx:sseBeforeMessage', function (event) {
        const message = event.detail;
        if (message.type === 'resync') {
            event.preventDefault();
            window.location.reload();
            return;
        }
        if (message.type === 'personal' || message.type === 'signal') {
            // The person's own toasts and bell, and signals (presence, an import's progress): outside the board's
            // sequence (they carry no id, so lastEventId still names the last board event and must not drop them). A
            // toast the page already shows is left out below.
            return;
        }
        const id = Number(message.lastEventId);
        if (Number.isFinite(id) && id <= lastAppliedId()) {
            event.preventDefault(); // a replay of something this page already shows
        }
    });

    document.addEventListener('htmx:sseMessage', function (event) {
        const id = Number(event.detail.lastEventId);
        if (Number.isFinite(id) && id > lastAppliedId()) {
            lastApplied = id;
            const element = live();
            if (element) {
                element.dataset.lastEventId = String(id);
            }
        }
    });

    // An appended element (beforeend/afterbegin: htmx hands us the wrapper, not a fragment) whose id the page already
    // shows is left out: the poster gets a new comment both in its htmx answer and from the stream.
    document.addEventListener('htmx:oobBeforeSwap', function (event) {
        if (event.detail.target && event.detail.target.id === 'live') {
            // A new filter brings a new stream, which resumes from where its cards were read, not from this one.
            lastApplied = null;
            return;
        }
        const wrapper = event.detail.fragment;
        if (!(wrapper instanceof Element)) {
            return; // an outerHTML swap replaces by id, which is idempotent already
        }
        if (dragging && wrapper.querySelector(':scope > [hx-preserve]')) {
            // A pushed move of a card waits for the drop, like pushed orders (below).
            event.detail.shouldSwap = false;
            heldMoves.push({target: event.detail.target, html: wrapper.innerHTML});
            return;
        }
        expectMoves(wrapper);
        Array.from(wrapper.children).forEach(function (child) {
            // A preserved card (a move) is the page's own card on purpose: htmx moves it into place.
            if (child.id && !child.hasAttribute('hx-preserve') && document.getElementById(child.id)) {
                child.remove();
            }
        });
    });

    function showConnection(state, text) {
        const status = document.getElementById('connection-status');
        if (status && status.dataset.state !== state) {
            status.dataset.state = state;
            status.textContent = text;
        }
    }

    document.addEventListener('htmx:sseOpen', function () {
        showConnection('live', 'Live');
    });
    document.addEventListener('htmx:sseError', function () {
        showConnection(navigator.onLine ? 'reconnecting' : 'offline',
            navigator.onLine ? 'Reconnecting…' : 'Offline');
    });
    window.addEventListener('offline', function () {
        showConnection('offline', 'Offline');
    });

    // --- Card order: a pushed column header carries its column's cards by id, in order --------------------------
    // Headers are rendered from the current state, so the last one applied for a column is the database's order;
    // moving the cards the page has into that order converges however pushes, replies and drags interleave.
    // While a card is dragged, pushed orders wait for the drop: Sortable's floating copy of the card has its id too,
    // and a list must not be reordered under the pointer.
    let dragging = false;
    const held = new Set();
    const heldMoves = [];
    const movedCards = [];
    let focusedBeforeMove = null;

    // Pushed moves held during a drag, in their order: after a card (its target) or on top of a column.
    function applyHeldMoves() {
        heldMoves.splice(0).forEach(function (move) {
            if (document.contains(move.target)) {
                const wrapper = document.createElement('div');
                wrapper.innerHTML = move.html;
                expectMoves(wrapper);
                htmx.swap(move.target, move.html,
                    {swapStyle: move.target.matches('ol.cards') ? 'afterbegin' : 'afterend'});
                settleMovedCards();
            }
        });
    }

    // The cards a pushed move is about to put in place (htmx fires no htmx:load on a card it preserves).
    function expectMoves(wrapper) {
        wrapper.querySelectorAll(':scope > [hx-preserve]').forEach(function (card) {
            movedCards.push(card.id);
            focusedBeforeMove = document.activeElement;
        });
    }

    // A moved card's form names its new column, and keeps the focus it had (a browser without Element.moveBefore
    // drops it when htmx takes the card from its place).
    function settleMovedCards() {
        movedCards.splice(0).forEach(function (id) {
            const card = document.getElementById(id);
            if (!card) {
                return;
            }
            showColumnOf(card);
            if (focusedBeforeMove && card.contains(focusedBeforeMove) && document.activeElement !== focusedBeforeMove) {
                focusedBeforeMove.focus();
            }
        });
        focusedBeforeMove = null;
    }

    document.addEventListener('htmx:oobAfterSwap', settleMovedCards);

    // A card's move form names the column the card is in.
    function showColumnOf(card) {
        const list = card.parentElement;
        const select = card.querySelector('select[name="columnId"]');
        if (select && list && list.dataset.columnId) {
            select.value = list.dataset.columnId;
        }
    }

    function applyOrder(header) {
        if (dragging) {
            held.add(header.dataset.columnId);
            return;
        }
        const list = document.getElementById('column-' + header.dataset.columnId + '-cards');
        if (!list) {
            return;
        }
        const focused = document.activeElement;
        let index = 0; // among the cards this page shows: a filtered page shows some of the column's
        (header.dataset.order || '').split(' ').filter(Boolean).forEach(function (id) {
            const card = document.getElementById('task-' + id);
            if (!card) {
                return; // arrives with its own event, or is filtered out
            }
            if (list.children[index] !== card) {
                list.insertBefore(card, list.children[index] || null);
            }
            index++;
            showColumnOf(card);
        });
        if (focused && focused !== document.activeElement && document.contains(focused)) {
            focused.focus();
        }
    }

    function announce(text) {
        const announcer = document.getElementById('announcer');
        if (announcer) {
            announcer.textContent = text;
        }
    }

    // --- Moving cards: drag and drop (SortableJS) and Alt+arrow keys post the card's own move form ----------------
    // The column and place go with the request itself, not through the form's fields: a move made while the card's
    // previous move is still in flight is queued by htmx and only then reads the form, after the first answer has
    // cleared its position (below). The version is read then too, so it is the one the first answer brought.
    function postMove(card, columnId, position) {
        const form = card.querySelector('form.move');
        if (!form) {
            return;
        }
        form.querySelector('select[name="columnId"]').value = columnId;
        htmx.ajax('POST', form.getAttribute('hx-post'), {source: form, swap: 'none',
            values: {columnId: String(columnId), position: String(position)}});
    }

    document.addEventListener('htmx:afterRequest', function (event) {
        const form = event.detail.elt;
        if (form instanceof HTMLFormElement && form.classList.contains('move')) {
            form.querySelector('input[name="position"]').value = '';
        }
    });

    function editable() {
        const columns = document.getElementById('columns');
        return columns && columns.dataset.editable === 'true' ? columns : null;
    }

    function enableDragging(root) {
        const columns = editable();
        if (!columns || typeof Sortable === 'undefined') {
            return;
        }
        const lists = root.matches && root.matches('ol.cards') ? [root] : Array.from(root.querySelectorAll('ol.cards'));
        lists.filter(function (list) { return columns.contains(list) && !list.dataset.sortable; })
            .forEach(function (list) {
                list.dataset.sortable = 'true';
                // The whole card drags (its handle shows that it can); its link still opens it and its form fields
                // stay usable.
                // Mice use the browser's own drag and drop; touch gets Sortable's fallback after a short press, so
                // a swipe still scrolls the page.
                Sortable.create(list, {
                    group: 'cards', draggable: '.card', animation: 120,
                    filter: 'select, input, button, label', preventOnFilter: false,
                    delay: 150, delayOnTouchOnly: true, touchStartThreshold: 4,
                    onStart: function () {
                        dragging = true;
                    },
                    onEnd: function (event) {
                        dragging = false;
                        const moved = event.from !== event.to || event.oldIndex !== event.newIndex;
                        if (moved) {
                            postMove(event.item, event.to.dataset.columnId, event.newIndex);
                        }
                        // The answer to the move brings both of its columns' orders; the others' apply now.
                        held.forEach(function (columnId) {
                            const header = document.getElementById('column-' + columnId + '-header');
                            const answered = moved && (columnId === event.from.dataset.columnId ||
                                columnId === event.to.dataset.columnId);
                            if (header && !answered) {
                                applyOrder(header);
                            }
                        });
                        held.clear();
                        applyHeldMoves();
                    }
                });
            });
        if ((root === document || root === columns || root.contains(columns)) && !columns.dataset.sortable) {
            columns.dataset.sortable = 'true';
            Sortable.create(columns, {
                // Columns keep Sortable's pointer fallback for mice too: the browser's own drag of a whole column
                // across the grid proved unreliable in our e2e runs (one timeout in three).
                handle: '.column-header', draggable: '.column', animation: 120, forceFallback: true,
                fallbackTolerance: 3,
                onEnd: function (event) {
                    if (event.oldIndex === event.newIndex) {
                        return;
                    }
                    const boardId = document.querySelector('main[data-board-id]').dataset.boardId;
                    htmx.ajax('POST', '/boards/' + boardId + '/columns/' + event.item.dataset.columnId + '/move',
                        {values: {position: event.newIndex}, swap: 'none', source: event.item});
                }
            });
        }
    }

    // Alt+←/→ moves the focused card to the next column (same place, or its end), Alt+↑/↓ within its column.
    document.addEventListener('keydown', function (event) {
        const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];
        if (!event.altKey || keys.indexOf(event.key) < 0 || !editable()) {
            return;
        }
        const card = event.target.closest && event.target.closest('.card');
        if (!card || !editable().contains(card) || event.target.matches('input, select, textarea')) {
            return;
        }
        event.preventDefault();
        const lists = Array.from(editable().querySelectorAll('ol.cards'));
        const from = card.parentElement;
        const index = Array.from(from.children).indexOf(card);
        let to = from;
        let position = index;
        if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
            position = index + (event.key === 'ArrowUp' ? -1 : 1);
            if (position < 0 || position >= from.children.length) {
                return;
            }
        } else {
            to = lists[lists.indexOf(from) + (event.key === 'ArrowLeft' ? -1 : 1)];
            if (!to) {
                return;
            }
            position = Math.min(index, to.children.length);
        }
        // Show the move at once; the answer and the board's event confirm (or correct) it.
        const rest = Array.from(to.children).filter(function (other) { return other !== card; });
        to.insertBefore(card, rest[position] || null);
        card.querySelector('.card-title').focus();
        const column = document.getElementById('column-' + to.dataset.columnId + '-name');
        announce('Moved ' + card.querySelector('.card-title').textContent + ' to ' +
            (column ? column.textContent : 'another column') + ', position ' + (position + 1) + ' of ' +
            to.children.length);
        postMove(card, to.dataset.columnId, position);
    });

    // An htmx answer is rendered at one point of the board's sequence, and the stream may have shown a later change
    // (a reminder firing just after an edit) before the answer arrives. A task's detail older than what the page has
    // applied is fetched again, so the answer can't put back what the later change replaced.
    document.addEventListener('htmx:afterSwap', function (event) {
        const detail = event.detail.target;
        if (!(detail instanceof Element) || !detail.classList.contains('task-detail') || !live()) {
            return;
        }
        const fresh = document.getElementById(detail.id);
        const renderedAt = fresh ? Number(fresh.dataset.seq) : NaN;
        if (Number.isFinite(renderedAt) && renderedAt < lastAppliedId()) {
            const summary = fresh.querySelector('.task-summary');
            if (summary) {
                htmx.ajax('GET', window.location.pathname, {target: '#' + summary.id, select: '#' + summary.id,
                    swap: 'outerHTML'});
            }
        }
    });

    // --- An open task page: says when someone else saved, deleted or archived the task --------------------------
    // "bob changed this task" is pushed to every open editor; the one whose form already has that version (their own
    // save, swapped in by htmx) needs no telling.
    function settleChangedNotice(notice) {
        const detail = notice.closest('.task-detail');
        const version = detail && detail.querySelector('form.task-form input[name="version"]');
        if (version && Number(version.value) >= Number(notice.dataset.version)) {
            notice.replaceChildren();
        }
    }

    // While the task is gone, the page's other forms can only fail: disable them (and enable them when it is back).
    function settleGone(gone) {
        const page = gone.closest('main') || document;
        page.querySelectorAll('form').forEach(function (form) {
            if (gone.contains(form)) {
                return;
            }
            form.querySelectorAll('input, select, textarea, button').forEach(function (control) {
                if (gone.dataset.gone && !control.disabled) {
                    control.disabled = true;
                    control.dataset.disabledWhileGone = 'true';
                } else if (!gone.dataset.gone && control.dataset.disabledWhileGone) {
                    control.disabled = false;
                    delete control.dataset.disabledWhileGone;
                }
            });
        });
    }

    // A toast that offers something for a while (an undo) goes when its time is up.
    function expireToasts(root) {
        const toasts = root.matches && root.matches('.toast[data-expires-in]') ? [root]
            : Array.from(root.querySelectorAll ? root.querySelectorAll('.toast[data-expires-in]') : []);
        toasts.filter(function (toast) { return !toast.dataset.expiring; }).forEach(function (toast) {
            toast.dataset.expiring = 'true';
            setTimeout(function () { toast.remove(); }, Number(toast.dataset.expiresIn));
        });
    }

    // --- Presence: who else is here ----------------------------------------------------------------------------
    // The lists are pushed whole (rendered once for everyone); this page marks its own person in them.
    function markSelf(list) {
        const me = document.querySelector('.site-header .who strong');
        list.querySelectorAll('li.person').forEach(function (person) {
            if (me && person.dataset.username === me.textContent && !person.classList.contains('self')) {
                person.classList.add('self');
                const you = document.createElement('span');
                you.className = 'visually-hidden';
                you.textContent = ' (you)';
                person.appendChild(you);
            }
        });
    }

    function boardOfStream() {
        const element = live();
        const match = element && /\/boards\/(\d+)\/events/.exec(element.getAttribute('sse-connect') || '');
        return match ? match[1] : null;
    }

    function csrfToken() {
        const token = document.querySelector('meta[name="csrf-token"]');
        return token ? token.content : '';
    }

    // A closing tab says so at once: its stream's instance would only notice at its next heartbeat. A beacon goes
    // out while the page unloads (as a form post, with the CSRF token as a field) to whichever instance.
    window.addEventListener('pagehide', function () {
        const board = boardOfStream();
        if (board && navigator.sendBeacon) {
            navigator.sendBeacon('/boards/' + board + '/presence/leave',
                new URLSearchParams({page: pageName, _csrf: csrfToken()}));
        }
    });
    // A page brought back from the back-forward cache has no stream and has said it left: load it afresh.
    window.addEventListener('pageshow', function (event) {
        if (event.persisted && boardOfStream()) {
            window.location.reload();
        }
    });

    // Focus in a task's edit form is "editing": told when it changes (settled for a moment, so tabbing between
    // fields sends nothing), and again when the stream reconnects (a new stream starts as not editing).
    let editingSaid = false;
    let editingTimer = null;

    function editForm() {
        return document.querySelector('.task-detail form.task-form');
    }

    function sayEditing(force) {
        const form = editForm();
        const list = document.querySelector('ul.presence[data-task-id]');
        const editing = !!(form && form.contains(document.activeElement));
        if (!list || (editing === editingSaid && !force)) {
            return;
        }
        editingSaid = editing;
        fetch('/boards/' + list.dataset.boardId + '/tasks/' + list.dataset.taskId + '/presence', {
            method: 'POST', credentials: 'same-origin',
            body: new URLSearchParams({page: pageName, editing: String(editing), _csrf: csrfToken()})
        }).catch(function () { /* shown again with the next change */ });
    }

    function editingChanged() {
        clearTimeout(editingTimer);
        editingTimer = setTimeout(function () { sayEditing(false); }, 400);
    }

    document.addEventListener('focusin', function (event) {
        if (event.target.closest && event.target.closest('.task-detail form.task-form')) {
            editingChanged();
        }
    });
    document.addEventListener('focusout', function (event) {
        if (event.target.closest && event.target.closest('.task-detail form.task-form')) {
            editingChanged();
        }
    });
    // A saved form is swapped out with the focus in it, and a removed element tells no focusout.
    document.addEventListener('htmx:afterSwap', editingChanged);
    document.addEventListener('htmx:sseOpen', function () {
        if (editingSaid) {
            setTimeout(function () { sayEditing(true); }, 1000);
        }
    });

    // --- Toasts: a dismiss button removes its toast (a delegated listener: no inline handlers under our CSP) ---
    document.addEventListener('click', function (event) {
        const dismiss = event.target.closest('.toast .dismiss');
        if (dismiss) {
            dismiss.closest('.toast').remove();
        }
    });

    // --- Time: show instants in the viewer's zone, and tell the server which zone forms are filled in ---------
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const formatter = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'});

    function pad(n) {
        return String(n).padStart(2, '0');
    }

    function localInputValue(date) {
        return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + 'T' +
            pad(date.getHours()) + ':' + pad(date.getMinutes());
    }

    function localize(root) {
        root.querySelectorAll('time[datetime]:not([data-localized])').forEach(function (time) {
            const date = new Date(time.getAttribute('datetime'));
            if (!Number.isNaN(date.getTime())) {
                time.textContent = formatter.format(date);
                time.dataset.localized = 'true';
            }
        });
        root.querySelectorAll('input.browser-zone').forEach(function (zoneInput) {
            const due = zoneInput.form && zoneInput.form.querySelector('input[type="datetime-local"]');
            if (due && due.value && zoneInput.value === 'UTC' && zone !== 'UTC') {
                due.value = localInputValue(new Date(due.value + 'Z'));
            }
            zoneInput.value = zone;
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        localize(document);
        expireToasts(document);
        enableDragging(document);
    });
    document.addEventListener('htmx:load', function (event) {
        const element = event.detail.elt;
        localize(element.parentElement || document);
        if (element.matches && element.matches('.column-header')) {
            applyOrder(element);
        } else if (element.querySelectorAll) {
            element.querySelectorAll('.column-header').forEach(applyOrder);
        }
        enableDragging(element);
        if (element.matches && element.matches('.changed-notice[data-version]')) {
            settleChangedNotice(element);
        }
        if (element.matches && element.matches('.task-gone')) {
            settleGone(element);
        }
        expireToasts(element);
        if (element.matches && element.matches('ul.presence')) {
            markSelf(element);
        }
    });
})();
