#!/usr/bin/env python3
"""Measures what an editor waits for in `site serve`: from saving a Markdown file to the live-reload event
and the rebuilt page being fetched. Start `site serve` on a corpus first, then:

    python3 tests/Site.Benchmarks/serve-latency.py FILE.md PORT /articles/its-slug/ [SAVES]

Each save appends a unique line; the page fetched after the reload event must contain it."""
import http.client, re, statistics, sys, threading, time, urllib.request

path, port, page = sys.argv[1], int(sys.argv[2]), sys.argv[3]
saves = int(sys.argv[4]) if len(sys.argv) > 4 else 15
stream = http.client.HTTPConnection("127.0.0.1", port)
stream.request("GET", "/__site/events")
response = stream.getresponse()
reloads = []

def listen():
    while line := response.fp.readline():
        if line.startswith(b"event: reload"):
            reloads.append(time.perf_counter())

threading.Thread(target=listen, daemon=True).start()
time.sleep(0.5)
waits = []
for _ in range(saves):
    text = re.sub(r"\nLatency mark \d+\.\n", "\n", open(path, encoding="utf-8").read())
    mark = f"Latency mark {time.time_ns()}."
    seen = len(reloads)
    start = time.perf_counter()
    with open(path, "w", encoding="utf-8") as file:
        file.write(text + f"\n{mark}\n")
    while len(reloads) == seen:
        time.sleep(0.002)
    body = urllib.request.urlopen(f"http://127.0.0.1:{port}{page}", timeout=5).read().decode()
    waits.append((time.perf_counter() - start) * 1000)
    if mark not in body:
        sys.exit(f"the reload came before {page} showed the edit")
    time.sleep(1.5)

text = re.sub(r"\nLatency mark \d+\.\n", "\n", open(path, encoding="utf-8").read())
open(path, "w", encoding="utf-8").write(text)
print("save to reload and page fetched (ms):", " ".join(f"{w:.0f}" for w in waits), f"| median {statistics.median(waits):.0f}")
