#!/usr/bin/env python3
"""Print the summary of one bench/transport/run from its state directory.

Usage: summarize.py STATE_DIR COUNT SUITECRM_COUNT CONNECTIONS MODULE

Reads timings.tsv (case, tool, wall seconds, the command's JSON line),
commands.tsv (case, tool, command) and fpm.tsv (client, round-trip ms,
the request's JSON line), all written by bench/transport/run.
"""

import json
import os
import statistics
import sys
from collections import defaultdict

# The round after which resident memory counts as warmed up.
MEMORY_WARMUP_RESULTS = 20000


def load_timings(state):
    timings = defaultdict(list)
    outputs = defaultdict(list)
    with open(os.path.join(state, "timings.tsv")) as lines:
        for line in lines:
            case, tool, seconds, output = line.rstrip("\n").split("\t", 3)
            timings[(case, tool)].append(float(seconds))
            outputs[(case, tool)].append(json.loads(output) if output.startswith("{") else {})
    return timings, outputs


def load_commands(state, connections, script_dir, module):
    commands = {}
    with open(os.path.join(state, "commands.tsv")) as lines:
        for line in lines:
            case, tool, command = line.rstrip("\n").split("\t", 2)
            words = command.split(" ")
            if words[0] == "parallel_php":
                script, total, rest = words[1], int(words[2]), words[3:]
                share = total // connections
                command = (f"{connections} processes at once, process k = 0..{connections - 1}: "
                           f"php {os.path.join(script_dir, script)} {' '.join(rest)} "
                           f"--count={share} --first_index=k*{share}")
            commands[(case, tool)] = command.replace(module, "mailbridge.so")
    return commands


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


class Report:
    def __init__(self, timings, outputs, commands):
        self.timings = timings
        self.outputs = outputs
        self.commands = commands

    def median(self, case, tool):
        return statistics.median(self.timings[(case, tool)])

    def line(self, case, tool, count):
        values = self.timings[(case, tool)]
        median = statistics.median(values)
        rounds = ", ".join(f"{value:.2f}" for value in values)
        print(f"  {tool:<12} {median:8.2f} s  {count / median:8.0f} msg/s   (rounds: {rounds} s)")

    def command(self, case, tool):
        print(f"    $ {self.commands[(case, tool)]}")

    def compare(self, title, case, tools, count, target=None):
        """Print mailbridge and each peer, and each peer's time over mailbridge's."""
        print(title)
        for tool in ["mailbridge"] + tools:
            self.line(case, tool, count)
        for tool in tools:
            ratio = self.median(case, tool) / self.median(case, "mailbridge")
            verdict = ""
            if target is not None:
                verdict = "  target >= %.1fx: %s" % (target, "met" if ratio >= target else "MISSED")
            print(f"  ratio mailbridge/{tool} throughput: {ratio:.2f}x{verdict}")
        for tool in ["mailbridge"] + tools:
            self.command(case, tool)
        print()


def print_submission(report, count, suitecrm_count):
    fresh = report.outputs[("submission-fresh", "phpmailer")][0]
    fresh_ms = fresh["ms_per_message"]
    many = report.outputs[("submission-10", "mailbridge")][0]
    many_seconds = report.median("submission-10", "mailbridge")
    many_ms = many_seconds * 1000 / many["count"]
    sink_ms = report.median("composed-10", "mailbridge") * 1000 / count
    print("2b. PHPMailer with a new connection per message (STARTTLS + AUTH + QUIT) through Postfix port 587")
    print(f"  phpmailer    {fresh_ms:8.2f} ms per message, measured on {suitecrm_count} messages")
    print(f"  ESTIMATE for {count} messages, extrapolated from that per-message time: "
          f"{fresh_ms * count / 1000:.1f} s")
    print(f"  mailbridge sendMany, 10 connections, same port 587 with STARTTLS + AUTH: "
          f"{many_ms:.3f} ms per message ({many['count']} messages, {many_seconds:.2f} s)")
    print(f"  ratio mailbridge (port 587) / phpmailer per message: {fresh_ms / many_ms:.1f}x")
    print(f"  ratio mailbridge (smtp-sink, case 2) / phpmailer per message: {fresh_ms / sink_ms:.1f}x")
    report.command("submission-fresh", "phpmailer")
    report.command("submission-10", "mailbridge")
    print()


def print_fpm(state):
    rows = defaultdict(list)
    with open(os.path.join(state, "fpm.tsv")) as lines:
        for line in lines:
            client, round_trip, reply = line.rstrip("\n").split("\t", 2)
            rows[client].append((float(round_trip), json.loads(reply)))
    print("4. One message per php-fpm request through Postfix port 587 (STARTTLS + AUTH), 4 static workers,")
    print("   requests one at a time, the two clients alternating")
    medians = {}
    for client in ("mailbridge", "phpmailer"):
        sent = [reply for _, reply in rows[client] if reply.get("sent")]
        failed = len(rows[client]) - len(sent)
        in_request = [reply["ms"] for reply in sent]
        round_trip = [ms for ms, reply in rows[client] if reply.get("sent")]
        medians[client] = statistics.median(in_request)
        extra = ""
        if client == "mailbridge":
            # Each worker reports its own running count, so the last reply of each worker is summed.
            last_by_worker = {reply["pid"]: reply.get("reused", 0) for reply in sent}
            extra = (f", pooled sessions reused {sum(last_by_worker.values())} times "
                     f"over {len(last_by_worker)} workers")
        print(f"  {client:<12} in-request median {statistics.median(in_request):7.2f} ms, "
              f"p90 {percentile(in_request, 0.9):7.2f} ms; round trip with cgi-fcgi median "
              f"{statistics.median(round_trip):7.2f} ms; {len(sent)} sent, {failed} failed{extra}")
    print(f"  ratio of in-request medians phpmailer/mailbridge: "
          f"{medians['phpmailer'] / medians['mailbridge']:.1f}x")
    print("    $ SCRIPT_FILENAME=bench/transport/fpm_<client>.php REQUEST_METHOD=GET QUERY_STRING=n=<n> "
          "cgi-fcgi -bind -connect 127.0.0.1:<BENCH_FPM_PORT>")
    print()


def print_memory(report):
    output = report.outputs[("memory", "mailbridge")][0]
    samples = output["samples"]
    print(f"5. Resident memory over one sendMany() call of {output['count']} raw messages, 10 connections")
    for sample in samples:
        print(f"  after {sample['results']:>7} results: VmRSS {sample['rss_kib']:>7} KiB, "
              f"Zend heap {sample['zend_heap_kib']:>7} KiB, VmRSS minus Zend heap "
              f"{sample['rss_kib'] - sample['zend_heap_kib']:>7} KiB")
    warm = next((s for s in samples if s["results"] >= MEMORY_WARMUP_RESULTS), None)
    if warm is not None and samples[-1] is not warm:
        last = samples[-1]
        per = 10000 / (last["results"] - warm["results"])
        rss_drift = last["rss_kib"] - warm["rss_kib"]
        heap_drift = last["zend_heap_kib"] - warm["zend_heap_kib"]
        print(f"  drift from {warm['results']} to {last['results']} results: VmRSS {rss_drift:+} KiB "
              f"({rss_drift * per:+.0f} KiB per 10,000), Zend heap {heap_drift:+} KiB, "
              f"VmRSS minus Zend heap {rss_drift - heap_drift:+} KiB")
    print(f"  statuses: {output['statuses']}; wall time {report.median('memory', 'mailbridge'):.2f} s")
    report.command("memory", "mailbridge")
    print()


def main():
    state, count, suitecrm_count, connections, module = sys.argv[1:6]
    count, suitecrm_count, connections = int(count), int(suitecrm_count), int(connections)
    script_dir = os.path.dirname(os.path.abspath(__file__))
    timings, outputs = load_timings(state)
    report = Report(timings, outputs, load_commands(state, connections, script_dir, module))

    print("Times are wall seconds of the whole command (medians of the rounds).")
    print("A ratio is the peer's time over mailbridge's: above 1.0 mailbridge is faster.")
    print()
    report.compare(f"1. Raw {count} messages, {connections} connections to smtp-sink",
                   "raw-10", ["smtp-source"], count, target=1.0)
    report.compare(f"1b. As 1, but mailbridge reconnects every 100 messages (the sendMany default)",
                   "raw-10-reconnect-100", [], count)
    report.compare(f"2. Composed {count} messages, {connections} connections to smtp-sink "
                   f"(peers run {connections} processes with one keep-alive connection each)",
                   "composed-10", ["phpmailer", "symfony"], count)
    report.compare(f"2a. Composed {count} messages, one connection to smtp-sink",
                   "composed-1", ["phpmailer", "symfony"], count)
    print_submission(report, count, suitecrm_count)
    report.compare(f"3. Raw {count} messages, serial on one connection to smtp-sink",
                   "raw-serial", ["smtp-source"], count, target=1.0)
    print_fpm(state)
    print_memory(report)


if __name__ == "__main__":
    main()
