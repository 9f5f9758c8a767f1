<?php

/** @generate-class-entries */

namespace MailBridge;

/**
 * The process's pool of idle SMTP sessions, kept across requests.
 *
 * @strict-properties
 * @not-serializable
 */
final class Pool
{
    private function __construct() {}

    /**
     * Return one entry per pool key, in the order the keys were first used:
     * "key" (a label with user, host, port, security mode and EHLO name,
     * never a secret), "idle", "created", "reused" and "discarded" (counts
     * by reason).
     *
     * @return list<array{key: string, idle: int, created: int, reused: int, discarded: array<string, int>}>
     */
    public static function stats(): array {}

    /** Close every idle session in this process's pool without QUIT. */
    public static function clear(): void {}
}
