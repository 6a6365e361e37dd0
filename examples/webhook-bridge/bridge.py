#!/usr/bin/env python3
"""A webhook bridge between a chat platform and `kaiqu serve`.

The platform POSTs each message to /webhook, signed with a shared secret (the way
Slack and Feishu sign theirs). The bridge checks the signature, hands the message to
one long-running `kaiqu serve` child over its JSON-lines stdin/stdout, posts Kaiqu's
replies to --reply-url, and also returns them in the HTTP response.

    KAIQU_BRIDGE_SECRET=... python3 bridge.py --store kaiqu.db --reply-url http://...
    python3 bridge.py --help

Anything after `--` is passed to `kaiqu serve` unchanged, e.g. `-- --group-rate 5`.
Standard library only; Python 3.8 or newer.
"""

import argparse
import collections
import hashlib
import hmac
import itertools
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

TIMESTAMP_HEADER = "X-Kaiqu-Request-Timestamp"
SIGNATURE_HEADER = "X-Kaiqu-Signature"

# A chat message is small; anything much bigger is a mistake or an attack, and we read
# the whole body into memory before we can check its signature.
MAX_BODY_BYTES = 64 * 1024

# How long one message may take inside Kaiqu. Kaiqu is rule-based and answers in
# milliseconds, so a request this slow means the child is stuck, not busy.
KAIQU_TIMEOUT_S = 15

# Kaiqu asks for a delay (a minute is normal) when a group is over its message rate; a
# wild value must not park a chat's queue for hours.
MAX_DELAY_MS = 10 * 60 * 1000


def log(message):
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S")
    print("%s bridge: %s" % (stamp, message), file=sys.stderr, flush=True)


def sign(secret, timestamp, body):
    """The signature header value for a body: v0=hex(HMAC-SHA256(secret, "v0:ts:body")).

    secret and body are bytes, timestamp is the header's text. Shared with sign.py and
    the test so there is exactly one definition.
    """
    base = b"v0:" + timestamp.encode("ascii") + b":" + body
    return "v0=" + hmac.new(secret, base, hashlib.sha256).hexdigest()


class Refusal(Exception):
    """A request we answer with an error status instead of passing it to Kaiqu."""

    def __init__(self, status, code, message):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class SignatureGuard:
    """Checks signatures, timestamps and replays.

    The timestamp window stops an old captured request from being sent again later;
    the seen-signature set stops it from being sent again *inside* the window. A
    signature only needs remembering until its timestamp leaves the window, which
    keeps the set bounded by (requests per second) x (2 x window).
    """

    def __init__(self, secret, window, clock=time.time):
        self.secret, self.window, self.clock = secret, window, clock
        self._seen = {}  # signature -> unix time after which its timestamp is refused anyway
        self._lock = threading.Lock()

    def check(self, timestamp, signature, body):
        if not timestamp or not signature:
            raise Refusal(401, "unsigned", "missing %s or %s" % (TIMESTAMP_HEADER, SIGNATURE_HEADER))
        # Digits only: int() would also accept " 12", "+12" and "1_2", which sign differently.
        if not re.fullmatch(r"[0-9]{1,15}", timestamp):
            raise Refusal(401, "bad_timestamp", "timestamp is not unix seconds")
        now = self.clock()
        if abs(now - int(timestamp)) > self.window:
            raise Refusal(401, "stale", "timestamp outside the %d s window (clock skew or a replay)" % self.window)
        expected = sign(self.secret, timestamp, body)
        # Bytes, because compare_digest refuses non-ASCII str and a header can hold anything.
        if not hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace")):
            raise Refusal(401, "bad_signature", "signature does not match")
        # Only a valid signature is remembered, so strangers cannot fill the set.
        with self._lock:
            for old in [s for s, until in self._seen.items() if until < now]:
                del self._seen[old]
            if signature in self._seen:
                raise Refusal(409, "replay", "this request was already received")
            self._seen[signature] = int(timestamp) + self.window


class EventLog:
    """The event ids answered lately.

    A platform retries an event it thinks failed (Slack after 3 s without an answer, Feishu
    and WeCom likewise) with a new timestamp and signature, so the signature check lets it
    through. Its event_id is the same: a repeat is answered 200 with no replies and never
    reaches Kaiqu, so a change is not made twice. Ids are kept `keep` seconds, in the order
    they came, which bounds the memory by (events per second) x keep.
    """

    def __init__(self, keep, clock=time.monotonic):
        self.keep, self.clock = keep, clock
        self._until = collections.OrderedDict()  # event id -> monotonic time it is forgotten
        self._lock = threading.Lock()

    def claim(self, event_id):
        """True the first time an id is seen (within `keep`); False for a repeat."""
        with self._lock:
            now = self.clock()
            while self._until and next(iter(self._until.values())) < now:
                self._until.popitem(last=False)
            if event_id in self._until:
                return False
            self._until[event_id] = now + self.keep
            return True

    def release(self, event_id):
        """Forgets an id whose event was not answered, so the platform's retry is."""
        with self._lock:
            self._until.pop(event_id, None)


class KaiquUnavailable(Exception):
    pass


class _Waiter:
    def __init__(self):
        self.done = threading.Event()
        self.response = None  # stays None if the child died before answering


class KaiquProcess:
    """One `kaiqu serve` child shared by all requests.

    Requests are written under a lock (so lines never interleave) and tagged with a
    fresh id; a reader thread per child hands each response line to whoever waits for
    that id. Each child has its own table of waiters so that when it dies, exactly its
    unanswered requests fail, and the next request starts a new child.
    """

    def __init__(self, command, timeout=KAIQU_TIMEOUT_S):
        self.command, self.timeout = command, timeout
        self._lock = threading.Lock()
        self._proc = None
        self._waiting = {}  # id -> _Waiter, for self._proc
        self._ids = itertools.count(1)
        self._closed = False

    @property
    def pid(self):
        proc = self._proc
        return proc.pid if proc else None

    def start(self):
        with self._lock:
            self._start_locked()
            return self._proc

    def _start_locked(self):
        # stderr is inherited: Kaiqu's own diagnostics land in the bridge's log. A session
        # of its own keeps Ctrl-C in a terminal from reaching the child directly: the bridge
        # stops it by closing its input, once the requests inside it have been answered.
        proc = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                start_new_session=True)
        waiting = collections.OrderedDict()
        self._proc, self._waiting = proc, waiting
        threading.Thread(target=self._read, args=(proc, waiting), daemon=True).start()
        log("started kaiqu serve (pid %d)" % proc.pid)

    def _read(self, proc, waiting):
        for line in proc.stdout:
            try:
                response = json.loads(line)
            except ValueError:
                response = None
            if not isinstance(response, dict):
                log("kaiqu wrote a line that is not a JSON object; ignored")
                continue
            rid = response.get("id")
            with self._lock:
                waiter = waiting.pop(rid, None) if rid is not None else None
                # Kaiqu answers strictly in order, so an answer it could not tag (say, to
                # a line it could not parse) belongs to the oldest request still waiting.
                if rid is None and waiting:
                    waiter = waiting.popitem(last=False)[1]
            if waiter is None:
                log("kaiqu answered id %r, which nobody is waiting for (timed out?)" % rid)
                continue
            waiter.response = response
            waiter.done.set()
        status = proc.wait()
        with self._lock:
            orphans = list(waiting.values())
            waiting.clear()
            if self._proc is proc:
                self._proc = None
        if not self._closed:
            log("kaiqu serve (pid %d) exited with status %s; %d request(s) lost; "
                "the next request restarts it" % (proc.pid, status, len(orphans)))
        for waiter in orphans:
            waiter.done.set()

    def ask(self, fields):
        """Send one request (without id) and return Kaiqu's response as a dict."""
        waiter = _Waiter()
        with self._lock:
            if self._closed:
                raise KaiquUnavailable("the bridge is shutting down")
            rid = "b%d" % next(self._ids)
            request = {"id": rid}
            request.update(fields)
            line = (json.dumps(request, ensure_ascii=False) + "\n").encode("utf-8")
            # Two tries: a child that died since the last request shows up here as a
            # broken pipe, and nothing was lost yet, so a fresh child can take the line.
            for attempt in (1, 2):
                try:
                    if self._proc is None or self._proc.poll() is not None:
                        self._start_locked()
                    proc, waiting = self._proc, self._waiting
                    waiting[rid] = waiter
                    proc.stdin.write(line)
                    proc.stdin.flush()
                    break
                except OSError as error:
                    self._waiting.pop(rid, None)
                    self._proc = None
                    if attempt == 2:
                        raise KaiquUnavailable("cannot talk to kaiqu serve: %s" % error)
        if not waiter.done.wait(self.timeout):
            with self._lock:
                waiting.pop(rid, None)
                if self._proc is proc:
                    self._proc = None
            # A stuck child would hold every later request too: replace it.
            log("kaiqu serve (pid %d) did not answer in %d s; killing it" % (proc.pid, self.timeout))
            proc.kill()
            raise KaiquUnavailable("kaiqu serve did not answer in time")
        if waiter.response is None:
            raise KaiquUnavailable("kaiqu serve exited before answering")
        return waiter.response

    def close(self, grace=10):
        """Close the child's stdin (its signal to finish) and wait for it to exit."""
        with self._lock:
            self._closed = True
            proc = self._proc
            if proc is None:
                return
            try:
                proc.stdin.close()
            except OSError:
                pass
        try:
            status = proc.wait(timeout=grace)
            log("kaiqu serve exited with status %d" % status)
        except subprocess.TimeoutExpired:
            log("kaiqu serve did not exit in %d s; killing it" % grace)
            proc.kill()
            proc.wait()


class Outbox:
    """Posts replies to the platform, in order per chat, honouring Kaiqu's delay_ms.

    Each chat gets its own queue and worker thread (which ends when the queue runs dry),
    so a group told to slow down does not hold up anyone else's replies.
    """

    def __init__(self, url, secret):
        self.url, self.secret = url, secret
        self._queues = {}  # chat -> deque of (due monotonic time, user, [texts])
        self._lock = threading.Condition()

    def send(self, chat, user, texts, delay_ms):
        if not self.url or not texts:
            return
        due = time.monotonic() + delay_ms / 1000.0
        with self._lock:
            queue = self._queues.get(chat)
            if queue is None:
                queue = self._queues[chat] = collections.deque()
                threading.Thread(target=self._work, args=(chat, queue), daemon=True).start()
            queue.append((due, user, texts))

    def _work(self, chat, queue):
        while True:
            with self._lock:
                if not queue:
                    del self._queues[chat]
                    self._lock.notify_all()
                    return
                due, user, texts = queue.popleft()
            time.sleep(max(0.0, due - time.monotonic()))
            for text in texts:
                self._post({"chat": chat, "user": user, "text": text})

    def _post(self, payload):
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        timestamp = str(int(time.time()))
        # Signed like the incoming webhooks, so the receiver can check the post is ours.
        headers = {"Content-Type": "application/json; charset=utf-8",
                   TIMESTAMP_HEADER: timestamp, SIGNATURE_HEADER: sign(self.secret, timestamp, body)}
        request = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                response.read()
        except (urllib.error.URLError, OSError) as error:
            # Not retried: a retry could post the same reply twice, which is worse in a chat.
            log("posting a reply to chat %r failed: %s" % (payload["chat"], error))

    def drain(self, timeout):
        deadline = time.monotonic() + timeout
        with self._lock:
            while self._queues and time.monotonic() < deadline:
                self._lock.wait(deadline - time.monotonic())
            if self._queues:
                log("gave up on replies still queued for %d chat(s)" % len(self._queues))


# Kaiqu's error codes whose message is for the rep rather than for whoever wrote the bridge.
REP_ERRORS = {"unknown_user", "too_long", "store"}


class Bridge:
    """Everything a request handler needs, built once from the configuration."""

    def __init__(self, config, kaiqu, outbox):
        self.platform = config.platform
        self.guard = SignatureGuard(config.secret, config.window)
        self.events = EventLog(config.event_memory)
        self.kaiqu, self.outbox = kaiqu, outbox
        self._busy = 0
        self._idle = threading.Condition()

    def handle(self, headers, body):
        """Returns (status, response dict, what to log)."""
        self.guard.check(headers.get(TIMESTAMP_HEADER), headers.get(SIGNATURE_HEADER), body)
        event = parse_event(body)
        note = {"event": event.get("event_id"), "user": event["platform_user"], "chat": event["chat"]}
        request = {"user": "%s:%s" % (self.platform, event["platform_user"]),
                   "chat": event["chat"], "text": event["text"]}
        if "name" in event:
            request["name"] = event["name"]
        event_id = event.get("event_id")
        if event_id and not self.events.claim(event_id):
            note["duplicate"] = True
            return 200, {"ok": True, "duplicate": True, "replies": []}, note
        try:
            response = self.kaiqu.ask(request)
        except KaiquUnavailable:
            if event_id:
                self.events.release(event_id)
            raise
        if "error" in response:
            error = response["error"] if isinstance(response["error"], dict) else {"message": str(response["error"])}
            note["error"] = error.get("code")
            # These messages are written for the rep (not set up yet, message too long, store
            # failed): they go to the chat too, or the rep would hear nothing.
            if error.get("code") in REP_ERRORS and isinstance(error.get("message"), str):
                self.outbox.send(event["chat"], event["platform_user"], [error["message"]], 0)
            return 400, {"ok": False, "error": error}, note
        replies = response.get("replies")
        texts = [r["text"] for r in (replies if isinstance(replies, list) else [])
                 if isinstance(r, dict) and isinstance(r.get("text"), str)]
        delay_ms = response.get("delay_ms")
        delay_ms = int(min(max(delay_ms, 0), MAX_DELAY_MS)) if isinstance(delay_ms, (int, float)) else 0
        # The platform gets the user's own id back, not Kaiqu's, since it posts by its ids.
        self.outbox.send(event["chat"], event["platform_user"], texts, delay_ms)
        note["replies"] = len(texts)
        result = {"ok": True, "replies": texts}
        if delay_ms:
            result["delay_ms"] = delay_ms
            note["delay_ms"] = delay_ms
        return 200, result, note

    # Shutdown waits for requests already inside Kaiqu, so their replies are not lost.
    def enter(self):
        with self._idle:
            self._busy += 1

    def leave(self):
        with self._idle:
            self._busy -= 1
            self._idle.notify_all()

    def wait_idle(self, timeout):
        deadline = time.monotonic() + timeout
        with self._idle:
            while self._busy and time.monotonic() < deadline:
                self._idle.wait(deadline - time.monotonic())


def parse_event(body):
    """The platform's JSON body, checked field by field (it is signed, but can be wrong)."""
    try:
        event = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise Refusal(400, "bad_json", "body is not UTF-8 JSON")
    if not isinstance(event, dict):
        raise Refusal(400, "bad_json", "body is not a JSON object")
    for field in ("platform_user", "chat", "text"):
        if not isinstance(event.get(field), str):
            raise Refusal(400, "missing_field", "%s must be a string" % field)
    # The user id becomes part of Kaiqu's user id, so keep it to one visible token.
    if not re.fullmatch(r"[^\s\x00-\x1f\x7f]{1,128}", event["platform_user"]):
        raise Refusal(400, "bad_user", "platform_user must be 1-128 characters without spaces")
    if not event["chat"].strip():
        raise Refusal(400, "missing_field", "chat must not be empty")
    for field in ("name", "event_id"):
        if field in event and not isinstance(event[field], str):
            raise Refusal(400, "bad_field", "%s must be a string" % field)
    return event


class Handler(BaseHTTPRequestHandler):
    server_version = "kaiqu-bridge"
    timeout = 30  # a client that stops sending mid-body must not hold a thread forever

    def do_GET(self):
        if urlsplit(self.path).path == "/healthz":
            self._send(200, {"ok": True, "kaiqu_pid": self.server.bridge.kaiqu.pid})
        else:
            self._send(404, {"ok": False, "error": {"code": "not_found", "message": "try POST /webhook"}})

    def do_POST(self):
        started = time.monotonic()
        bridge = self.server.bridge
        note = {}
        bridge.enter()
        try:
            status, result, note = self._webhook(bridge)
        except Refusal as refusal:
            status = refusal.status
            result = {"ok": False, "error": {"code": refusal.code, "message": refusal.message}}
            note["error"] = refusal.code
        except KaiquUnavailable as error:
            status, result = 502, {"ok": False, "error": {"code": "kaiqu_unavailable", "message": str(error)}}
            note["error"] = "kaiqu_unavailable"
        except OSError as error:
            log("%s POST %s: client went away (%s)" % (self.client_address[0], self.path, error))
            return
        finally:
            bridge.leave()
        self._send(status, result)
        # Never the message text: it is full of customers' names and phone numbers.
        details = " ".join("%s=%r" % item for item in note.items() if item[1] is not None)
        log("%s POST %s %d %s %dms" % (self.client_address[0], self.path, status, details,
                                        (time.monotonic() - started) * 1000))

    def _webhook(self, bridge):
        if urlsplit(self.path).path != "/webhook":
            raise Refusal(404, "not_found", "try POST /webhook")
        length = self.headers.get("Content-Length", "")
        if not length.isdigit():
            raise Refusal(411, "length_required", "send a Content-Length")
        if int(length) > MAX_BODY_BYTES:
            raise Refusal(413, "too_large", "body over %d bytes" % MAX_BODY_BYTES)
        body = self.rfile.read(int(length))
        return bridge.handle(self.headers, body)

    def _send(self, status, result):
        data = json.dumps(result, ensure_ascii=False).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except OSError:
            pass  # the client went away first

    def log_message(self, format, *args):
        pass  # do_POST logs one line of its own per request


class Server(ThreadingHTTPServer):
    # socketserver's default backlog of 5 resets connections when a busy group sends a burst.
    request_queue_size = 128


def parse_config(argv):
    # Everything after "--" belongs to kaiqu serve, so new serve options need no bridge change.
    if "--" in argv:
        split = argv.index("--")
        argv, serve_extra = argv[:split], argv[split + 1:]
    else:
        serve_extra = []
    parser = argparse.ArgumentParser(
        description="Bridge signed chat-platform webhooks to `kaiqu serve`.",
        epilog="Arguments after -- go to `kaiqu serve` unchanged, e.g. -- --group-rate 5 --open-registration")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8787, help="port to listen on (default 8787)")
    parser.add_argument("--secret", default=os.environ.get("KAIQU_BRIDGE_SECRET"),
                        help="shared signing secret (default $KAIQU_BRIDGE_SECRET; the environment "
                             "keeps it out of `ps`)")
    parser.add_argument("--kaiqu", default=os.environ.get("KAIQU_BIN") or "kaiqu",
                        help="the kaiqu binary (default $KAIQU_BIN, else kaiqu on PATH)")
    parser.add_argument("--store", help="Kaiqu's store, passed to kaiqu serve --store")
    parser.add_argument("--platform", default="demo",
                        help="platform name; a platform user U is Kaiqu user PLATFORM:U (default demo)")
    parser.add_argument("--window", type=int, default=300,
                        help="accepted clock difference and replay memory, in seconds (default 300)")
    parser.add_argument("--event-memory", type=int, default=3600,
                        help="how long an event_id is remembered, so a platform's retry of it is "
                             "not answered twice, in seconds (default 3600)")
    parser.add_argument("--reply-url", help="where to POST each reply as JSON {chat, user, text}")
    parser.add_argument("--now", help="passed to kaiqu serve (fixed time, for demos and tests)")
    parser.add_argument("--bot-name", help="passed to kaiqu serve")
    parser.add_argument("--prefix", help="passed to kaiqu serve")
    config = parser.parse_args(argv)
    if not config.secret:
        parser.error("a secret is required: --secret or KAIQU_BRIDGE_SECRET")
    if config.window <= 0:
        parser.error("--window must be positive")
    if config.event_memory <= 0:
        parser.error("--event-memory must be positive")
    if not config.platform or ":" in config.platform:
        parser.error("--platform must be a non-empty name without ':'")
    config.secret = config.secret.encode("utf-8")
    config.serve_command = [config.kaiqu, "serve"]
    for flag, value in (("--store", config.store), ("--now", config.now),
                        ("--bot-name", config.bot_name), ("--prefix", config.prefix)):
        if value is not None:
            config.serve_command += [flag, value]
    config.serve_command += serve_extra
    return config


def main(argv=None):
    config = parse_config(sys.argv[1:] if argv is None else argv)
    try:
        server = Server((config.host, config.port), Handler)
    except OSError as error:
        log("cannot listen on %s:%d: %s" % (config.host, config.port, error))
        return 1
    kaiqu = KaiquProcess(config.serve_command)
    try:
        proc = kaiqu.start()
    except OSError as error:
        log("cannot start %s: %s" % (" ".join(config.serve_command), error))
        return 1
    # A wrong binary or bad option shows up at once, not on the first real message.
    try:
        status = proc.wait(timeout=0.5)
        log("kaiqu serve exited at once with status %d: %s" % (status, " ".join(config.serve_command)))
        return 1
    except subprocess.TimeoutExpired:
        pass

    bridge = Bridge(config, kaiqu, Outbox(config.reply_url, config.secret))
    server.bridge = bridge

    def stop(signum, frame):
        # shutdown() waits for serve_forever(), which runs on this very thread: call it from another.
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    host, port = server.server_address[:2]
    log("listening on http://%s:%d/webhook (platform %s, window %d s, replies to %s)"
        % (host, port, config.platform, config.window, config.reply_url or "the HTTP response only"))
    server.serve_forever()

    log("shutting down")
    server.server_close()
    bridge.wait_idle(KAIQU_TIMEOUT_S + 1)
    bridge.outbox.drain(10)
    kaiqu.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
