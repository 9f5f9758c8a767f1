<?php

/** @generate-class-entries */

namespace MailBridge;

/**
 * A message to send. Setters validate their input and throw \ValueError
 * before anything reaches the network; each returns the message itself.
 *
 * @strict-properties
 * @not-serializable
 */
final class Message
{
    public function __construct() {}

    /** Set the sender: "Name <a@example.test>" or "a@example.test", with $name overriding the display name. */
    public function from(string $address, ?string $name = null): static {}

    /** Add To recipients; each string is "Name <a@example.test>" or "a@example.test". */
    public function to(string ...$addresses): static {}

    public function cc(string ...$addresses): static {}

    /** Add blind copies: envelope recipients that never appear in the headers. */
    public function bcc(string ...$addresses): static {}

    public function replyTo(string ...$addresses): static {}

    public function subject(string $subject): static {}

    public function text(string $body): static {}

    public function html(string $body): static {}

    /** Attach bytes; the content type is guessed from $filename when null. */
    public function attach(string $content, string $filename, ?string $contentType = null): static {}

    /** Attach a file, read when the message is serialized; $filename defaults to its base name. */
    public function attachFromPath(string $path, ?string $filename = null, ?string $contentType = null): static {}

    /** Add a header that the message does not manage itself (not From, To, Subject, Content-Type, ...). */
    public function header(string $name, string $value): static {}

    /** Set the Message-ID, without angle brackets. */
    public function messageId(string $id): static {}

    /** Set the domain of generated Message-IDs; defaults to the From domain. */
    public function messageIdDomain(string $domain): static {}

    /** Return the Message-ID without angle brackets, or null before it is set or generated. */
    public function getMessageId(): ?string {}

    /** Return the exact bytes that send() transmits: headers, blank line, body, CRLF line ends. */
    public function toString(): string {}

    public function __toString(): string {}
}

/**
 * The SMTP envelope for a raw message: MAIL FROM and the RCPT TO list.
 *
 * @strict-properties
 * @not-serializable
 */
final class Envelope
{
    public readonly string $sender;
    /** @var list<string> */
    public readonly array $recipients;

    public function __construct(string $sender, array $recipients) {}
}
