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

    document.addEventListener('htmx:configRequest', function (event) {
        const token = document.querySelector('meta[name="csrf-token"]');
        const header = document.querySelector('meta[name="csrf-header"]');
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
    });

    // --- Live stream: resume where we left off, apply every event once ---------------------------------------
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

    // htmx re-creates the EventSource after an error without Last-Event-ID: name our last applied event ourselves.
    htmx.createEventSource = function (url) {
        const resumable = new URL(url, window.location.href);
        resumable.searchParams.set('lastEventId', String(lastAppliedId()));
        return new EventSource(resumable.toString(), {withCredentials: true});
    };

    document.addEventListener('htmx:sseBeforeMessage', function (event) {
        const message = event.detail;
        if (message.type === 'resync') {
            event.preventDefault();
            window.location.reload();
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
        const wrapper = event.detail.fragment;
        if (!(wrapper instanceof Element)) {
            return; // an outerHTML swap replaces by id, which is idempotent already
        }
        Array.from(wrapper.children).forEach(function (child) {
            if (child.id && document.getElementById(child.id)) {
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
    });
    document.addEventListener('htmx:load', function (event) {
        localize(event.detail.elt.parentElement || document);
    });
})();
