#!/usr/bin/env python3
"""End-to-end test of the webhook bridge against a real `kaiqu` binary.

    python3 examples/webhook-bridge/test_bridge.py --kaiqu .build/debug/kaiqu

It makes a throwaway store with three users, starts a fake chat platform (an HTTP
server that records what the bridge posts back), starts bridge.py in front of
`kaiqu serve`, and talks to it with signed webhooks. Exit status 0 means every check
passed; otherwise it says which check failed and shows the bridge's log.

Assertions about Kaiqu's wording are deliberately loose (a name appears, a phone
number does not): the test is about the bridge, not about Kaiqu's phrasing.
"""

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # importing bridge must not leave __pycache__ in the example
sys.path.insert(0, HERE)
from bridge import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign  # noqa: E402

SECRET = b"test-secret-only-for-this-test"
NOW = "2026-11-18T10:00:00+08:00"
BOT = "开渠"
GROUP = "north-sales"
PHONE = "13800138000"
CUSTOMER = "王建国"
BUDGET_S = 60  # the whole run, so a hang fails instead of blocking CI

# What the watchdog must clean up: the BridgeProcess, the kaiqu serve pids it reported, the store.
started = {"bridge": None, "kaiqu": set(), "workdir": None}


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class FakePlatform:
    """Stands in for the chat platform's "post a message" API and records every post."""

    def __init__(self):
        self.posts = []
        self.bad_signatures = 0
        self._lock = threading.Condition()
        platform = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                timestamp = self.headers.get(TIMESTAMP_HEADER) or ""
                signed = self.headers.get(SIGNATURE_HEADER) == sign(SECRET, timestamp, body)
                with platform._lock:
                    if not signed:
                        platform.bad_signatures += 1
                    platform.posts.append(json.loads(body.decode("utf-8")))
                    platform._lock.notify_all()
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:%d/reply" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait_for(self, count, timeout=10):
        deadline = time.monotonic() + timeout
        with self._lock:
            while len(self.posts) < count and time.monotonic() < deadline:
                self._lock.wait(deadline - time.monotonic())
            return list(self.posts)


class BridgeProcess:
    """bridge.py as a child process, its log collected for failure reports."""

    def __init__(self, kaiqu, store, reply_url):
        self.port = free_port()
        self.log = []
        env = dict(os.environ, KAIQU_BRIDGE_SECRET=SECRET.decode())
        command = [sys.executable, os.path.join(HERE, "bridge.py"), "--port", str(self.port),
                   "--kaiqu", kaiqu, "--store", store, "--now", NOW, "--bot-name", BOT,
                   "--reply-url", reply_url]
        self.proc = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        started["bridge"] = self
        threading.Thread(target=self._collect, daemon=True).start()
        self.url = "http://127.0.0.1:%d" % self.port

    def _collect(self):
        for line in self.proc.stderr:
            self.log.append(line.decode("utf-8", "replace").rstrip("\n"))

    def wait_ready(self, timeout=15):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            check(self.proc.poll() is None, "bridge.py exited at start with status %s" % self.proc.returncode)
            try:
                return self.health()
            except (urllib.error.URLError, OSError):
                time.sleep(0.1)
        raise Failure("bridge.py did not answer /healthz within %d s" % timeout)

    def health(self):
        with urllib.request.urlopen(self.url + "/healthz", timeout=5) as response:
            health = json.loads(response.read().decode("utf-8"))
        if isinstance(health.get("kaiqu_pid"), int):
            started["kaiqu"].add(health["kaiqu_pid"])
        return health

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def add_user(kaiqu, store, uid, name, role, team):
    command = [kaiqu, "users", "add", uid, "--name", name, "--role", role, "--team", team, "--store", store]
    try:
        done = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=20)
    except subprocess.TimeoutExpired:
        raise Failure("%s did not finish in 20 s" % " ".join(command))
    check(done.returncode == 0, "%s failed with status %d:\n%s" % (
        " ".join(command), done.returncode, (done.stdout + done.stderr).decode("utf-8", "replace")))


def webhook(bridge, body, timestamp=None, secret=SECRET, signature=None, headers=True):
    """POST a body (dict or bytes) signed as told; returns (status, decoded JSON)."""
    if isinstance(body, dict):
        body = json.dumps(body, ensure_ascii=False).encode("utf-8")
    timestamp = timestamp or str(int(time.time()))
    request = urllib.request.Request(bridge.url + "/webhook", data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    if headers:
        request.add_header(TIMESTAMP_HEADER, timestamp)
        request.add_header(SIGNATURE_HEADER, signature or sign(secret, timestamp, body))
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            status, data = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, data = error.code, error.read()
    except (urllib.error.URLError, OSError) as error:
        raise Failure("the bridge did not answer: %s" % error)
    try:
        return status, json.loads(data.decode("utf-8"))
    except ValueError:
        raise Failure("bridge answered %d with a body that is not JSON: %r" % (status, data[:200]))


_events = iter(range(1, 10 ** 6))


def message(user, text, chat="dm"):
    return {"event_id": "ev%d" % next(_events), "platform_user": user, "chat": chat, "text": text}


def say(bridge, user, text, chat="dm"):
    """A signed message that must succeed; returns the reply texts."""
    status, result = webhook(bridge, message(user, text, chat))
    check(status == 200 and result.get("ok") is True and isinstance(result.get("replies"), list),
          "%s said %r in %s: expected 200 with replies, got %d %s" % (user, text, chat, status, result))
    return result["replies"]


def run(kaiqu, workdir, verbose):
    store = os.path.join(workdir, "kaiqu.db")
    add_user(kaiqu, store, "demo:zhangwei", "张伟", "rep", "north")
    add_user(kaiqu, store, "demo:lina", "李娜", "rep", "north")
    add_user(kaiqu, store, "demo:boss", "王总", "manager", "north")
    print("ok - created three users with kaiqu users add")

    platform = FakePlatform()
    bridge = BridgeProcess(kaiqu, store, platform.url)
    expected_posts = []  # (chat, platform user, text) in the order the bridge should post them

    def expect(chat, user, texts):
        expected_posts.extend((chat, user, t) for t in texts)

    try:
        first_pid = bridge.wait_ready()["kaiqu_pid"]
        check(isinstance(first_pid, int), "/healthz did not report kaiqu serve's pid")
        print("ok - bridge is up on port %d, kaiqu serve is pid %d" % (bridge.port, first_pid))

        added = say(bridge, "zhangwei", "添加客户 %s 电话%s" % (CUSTOMER, PHONE))
        expect("dm", "zhangwei", added)
        check(added and CUSTOMER in "\n".join(added), "adding a customer: no reply names %s: %s" % (CUSTOMER, added))
        print("ok - a rep adds a customer and the reply names them")

        own = say(bridge, "zhangwei", "查看%s" % CUSTOMER)
        expect("dm", "zhangwei", own)
        check(PHONE in "\n".join(added + own), "the owner never saw the phone number: %s %s" % (added, own))
        other = say(bridge, "lina", "查看%s" % CUSTOMER)
        expect("dm", "lina", other)
        check(PHONE not in "\n".join(other), "another rep saw the owner's customer's phone: %s" % other)
        print("ok - the owner sees the phone, another rep does not")

        expect("dm", "boss", say(bridge, "boss", "查看%s" % CUSTOMER))
        print("ok - the manager gets an answer")

        status, result = webhook(bridge, message("stranger", "帮助"))
        check(status == 400 and result.get("ok") is False and isinstance(result.get("error"), dict)
              and isinstance(result["error"].get("code"), str),
              "unknown user: expected 400 with an error code, got %d %s" % (status, result))
        check(bridge.health()["kaiqu_pid"] == first_pid, "kaiqu serve was restarted after an unknown user")
        # The refusal is for the person: it is posted to their chat as well.
        expect("dm", "stranger", [result["error"]["message"]])
        print("ok - an unknown user is refused (%s), told so in their chat, and kaiqu serve keeps running" % result["error"]["code"])

        quiet = say(bridge, "zhangwei", "今天下午谁去拜访%s" % CUSTOMER, chat=GROUP)
        check(quiet == [], "a group message not addressed to the bot got replies: %s" % quiet)
        addressed = say(bridge, "zhangwei", "@%s 帮助" % BOT, chat=GROUP)
        expect(GROUP, "zhangwei", addressed)
        check(addressed, "a group message addressed to @%s got no reply" % BOT)
        print("ok - in a group only a message addressed to @%s is answered" % BOT)

        body = json.dumps(message("lina", "帮助"), ensure_ascii=False).encode("utf-8")
        timestamp = str(int(time.time()))
        status, result = webhook(bridge, body, timestamp=timestamp)
        check(status == 200, "a signed request was refused: %d %s" % (status, result))
        expect("dm", "lina", result["replies"])
        status, result = webhook(bridge, body, timestamp=timestamp)
        check(status == 409, "a replayed request: expected 409, got %d %s" % (status, result))
        status, result = webhook(bridge, body, secret=b"wrong secret")
        check(status == 401, "a bad signature: expected 401, got %d %s" % (status, result))
        status, result = webhook(bridge, body, headers=False)
        check(status == 401, "no signature: expected 401, got %d %s" % (status, result))
        status, result = webhook(bridge, body, timestamp=str(int(time.time()) - 3600))
        check(status == 401, "an hour-old timestamp: expected 401, got %d %s" % (status, result))
        status, result = webhook(bridge, body, timestamp=str(int(time.time()) + 3600))
        check(status == 401, "a timestamp an hour ahead: expected 401, got %d %s" % (status, result))
        tampered = body.replace("帮助".encode("utf-8"), "删除客户 王建国".encode("utf-8"))
        status, result = webhook(bridge, tampered, timestamp=timestamp, signature=sign(SECRET, timestamp, body))
        check(status == 401, "a body changed after signing: expected 401, got %d %s" % (status, result))
        status, result = webhook(bridge, b"not json")
        check(status == 400 and result.get("ok") is False, "a signed non-JSON body: expected 400, got %d" % status)
        print("ok - replay 409; bad, missing, old, future and tampered signatures 401; bad JSON 400")

        # A platform's retry: the same event, signed again with another timestamp.
        retried = message("zhangwei", "记一下，%s喜欢钓鱼" % CUSTOMER)
        status, result = webhook(bridge, retried, timestamp=str(int(time.time()) - 2))
        check(status == 200 and result.get("replies"), "a note: expected 200 with replies, got %d %s" % (status, result))
        expect("dm", "zhangwei", result["replies"])
        status, result = webhook(bridge, retried)
        check(status == 200 and result.get("duplicate") is True and result.get("replies") == [],
              "a retried event: expected 200, duplicate, no replies; got %d %s" % (status, result))
        notes = say(bridge, "zhangwei", "查看%s" % CUSTOMER)
        expect("dm", "zhangwei", notes)
        check("\n".join(notes).count("喜欢钓鱼") == 1, "a retried event was noted twice: %s" % notes)
        print("ok - a retried event_id is answered once")

        os.kill(first_pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while bridge.health()["kaiqu_pid"] == first_pid and time.monotonic() < deadline:
            time.sleep(0.05)
        expect("dm", "zhangwei", say(bridge, "zhangwei", "帮助"))
        second_pid = bridge.health()["kaiqu_pid"]
        check(second_pid not in (None, first_pid), "kaiqu serve was not restarted (pid %s)" % second_pid)
        print("ok - after kaiqu serve is killed the next message starts a new one (pid %d)" % second_pid)

        posts = platform.wait_for(len(expected_posts))
        got = [(p.get("chat"), p.get("user"), p.get("text")) for p in posts]
        for chat in set(c for c, _, _ in expected_posts + got):
            want = [e for e in expected_posts if e[0] == chat]
            have = [g for g in got if g[0] == chat]
            check(have == want, "the platform got, in chat %s:\n  %s\nbut expected:\n  %s" % (chat, have, want))
        check(platform.bad_signatures == 0, "%d posts to the platform were not signed right" % platform.bad_signatures)
        print("ok - the platform received all %d replies, in order, signed" % len(got))

        status = bridge.stop()
        check(status == 0, "bridge.py exited with status %s after SIGTERM" % status)
        check(not process_exists(second_pid), "kaiqu serve (pid %d) still runs after the bridge stopped" % second_pid)
        print("ok - SIGTERM stops the bridge (status 0) and its kaiqu serve")
    except Exception:
        print_log(bridge)
        raise
    finally:
        bridge.stop()
        platform.server.shutdown()
    if verbose:
        print_log(bridge)


def process_exists(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def print_log(bridge):
    time.sleep(0.2)  # let the collector catch the last lines
    print("--- bridge.py log ---", file=sys.stderr)
    for line in bridge.log:
        print(line, file=sys.stderr)
    print("--- end of log ---", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description="End-to-end test of the Kaiqu webhook bridge.")
    parser.add_argument("--kaiqu", default=os.environ.get("KAIQU_BIN"),
                        help="the kaiqu binary (default $KAIQU_BIN)")
    parser.add_argument("--verbose", action="store_true", help="show the bridge's log even on success")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # "ok" lines and the bridge's log, in order
    if not args.kaiqu:
        parser.error("say which kaiqu to test: --kaiqu PATH or KAIQU_BIN")
    kaiqu = shutil.which(args.kaiqu) or args.kaiqu
    if not os.path.isfile(kaiqu) or not os.access(kaiqu, os.X_OK):
        parser.error("%s is not an executable file" % args.kaiqu)
    kaiqu = os.path.abspath(kaiqu)

    def give_up():
        bridge = started["bridge"]
        if bridge is not None:
            bridge.proc.kill()
            print_log(bridge)
        for pid in started["kaiqu"]:
            if process_exists(pid):
                os.kill(pid, signal.SIGKILL)
        if started["workdir"]:
            shutil.rmtree(started["workdir"], ignore_errors=True)
        print("FAIL: the test took over %d s (something hangs)" % BUDGET_S, file=sys.stderr)
        sys.stderr.flush()
        os._exit(2)

    watchdog = threading.Timer(BUDGET_S, give_up)
    watchdog.daemon = True
    watchdog.start()
    workdir = started["workdir"] = tempfile.mkdtemp(prefix="kaiqu-bridge-test-")
    try:
        run(kaiqu, workdir, args.verbose)
    except Failure as failure:
        print("FAIL: %s" % failure, file=sys.stderr)
        return 1
    except Exception:
        traceback.print_exc()
        print("FAIL: the test itself broke (see the traceback above)", file=sys.stderr)
        return 1
    finally:
        watchdog.cancel()
        shutil.rmtree(workdir, ignore_errors=True)
    print("PASS: the webhook bridge works with %s" % kaiqu)
    return 0


if __name__ == "__main__":
    sys.exit(main())
